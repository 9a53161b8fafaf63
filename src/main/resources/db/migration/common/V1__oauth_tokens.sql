-- OAuth2 tokens per profile (registration id = profile name). Tokens are AES-GCM encrypted by the application
-- (base64 of iv || ciphertext || tag); times are epoch milliseconds so H2, MySQL 8 and MariaDB agree without
-- time-zone conversions. instance_url comes from the token response and must survive restarts for the refresh flow.
CREATE TABLE sf_oauth_token (
	registration_id VARCHAR(100) NOT NULL,
	principal_name VARCHAR(200) NOT NULL,
	access_token TEXT NULL,
	access_token_type VARCHAR(20) NULL,
	access_token_scopes VARCHAR(1000) NULL,
	access_token_issued_at BIGINT NULL,
	access_token_expires_at BIGINT NULL,
	refresh_token TEXT NULL,
	refresh_token_issued_at BIGINT NULL,
	instance_url VARCHAR(500) NULL,
	updated_at BIGINT NOT NULL,
	PRIMARY KEY (registration_id)
);
