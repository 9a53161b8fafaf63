-- Seatkeeper's own tables. Portable across MySQL 8, MariaDB 10.11+ and H2 in MySQL mode.
-- Every row is keyed by (profile, Salesforce Id or identifier) so a replayed chunk is an idempotent upsert.
-- Times are UTC DATETIME; Salesforce times are whole seconds.

CREATE TABLE profile_state (
    profile              VARCHAR(64)  NOT NULL,
    login_watermark_time DATETIME     NULL,
    login_watermark_id   VARCHAR(18)  NULL,
    last_run_date        DATE         NULL,
    last_run_status      VARCHAR(16)  NULL,
    updated_at           DATETIME     NOT NULL,
    CONSTRAINT pk_profile_state PRIMARY KEY (profile)
);

CREATE TABLE software_model (
    profile         VARCHAR(64)  NOT NULL,
    identifier      VARCHAR(190) NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    salesforce_id   VARCHAR(18)  NULL,
    label           VARCHAR(255) NOT NULL,
    status          VARCHAR(32)  NULL,
    total_licenses  INT          NULL,
    used_licenses   INT          NULL,
    unrecognized    BOOLEAN      NOT NULL DEFAULT FALSE,
    first_seen      DATETIME     NOT NULL,
    last_seen       DATETIME     NOT NULL,
    CONSTRAINT pk_software_model PRIMARY KEY (profile, identifier)
);

CREATE TABLE sf_user (
    profile          VARCHAR(64)  NOT NULL,
    user_id          VARCHAR(18)  NOT NULL,
    username         VARCHAR(255) NOT NULL,
    email            VARCHAR(255) NULL,
    full_name        VARCHAR(255) NULL,
    user_type        VARCHAR(64)  NULL,
    profile_name     VARCHAR(255) NULL,
    user_license_key VARCHAR(128) NULL,
    is_active        BOOLEAN      NOT NULL,
    last_login_at    DATETIME     NULL,
    created_at       DATETIME     NULL,
    first_seen       DATETIME     NOT NULL,
    last_seen        DATETIME     NOT NULL,
    removed_at       DATETIME     NULL,
    CONSTRAINT pk_sf_user PRIMARY KEY (profile, user_id)
);
CREATE INDEX ix_sf_user_last_seen ON sf_user (profile, last_seen);

CREATE TABLE subscription (
    profile          VARCHAR(64)  NOT NULL,
    user_id          VARCHAR(18)  NOT NULL,
    model_identifier VARCHAR(190) NOT NULL,
    assignment_id    VARCHAR(18)  NULL,
    first_seen       DATETIME     NOT NULL,
    last_seen        DATETIME     NOT NULL,
    ended_at         DATETIME     NULL,
    CONSTRAINT pk_subscription PRIMARY KEY (profile, user_id, model_identifier),
    CONSTRAINT fk_subscription_user FOREIGN KEY (profile, user_id) REFERENCES sf_user (profile, user_id),
    CONSTRAINT fk_subscription_model FOREIGN KEY (profile, model_identifier) REFERENCES software_model (profile, identifier)
);
CREATE INDEX ix_subscription_model ON subscription (profile, model_identifier, ended_at);
CREATE INDEX ix_subscription_last_seen ON subscription (profile, last_seen);

CREATE TABLE login_event (
    profile     VARCHAR(64)  NOT NULL,
    event_id    VARCHAR(18)  NOT NULL,
    user_id     VARCHAR(18)  NOT NULL,
    login_time  DATETIME     NOT NULL,
    status      VARCHAR(128) NULL,
    login_type  VARCHAR(64)  NULL,
    application VARCHAR(255) NULL,
    CONSTRAINT pk_login_event PRIMARY KEY (profile, event_id)
);
CREATE INDEX ix_login_event_user_time ON login_event (profile, user_id, login_time);

CREATE TABLE user_activity (
    profile             VARCHAR(64) NOT NULL,
    user_id             VARCHAR(18) NOT NULL,
    last_login_at       DATETIME    NULL,
    last_successful_login_in_history DATETIME NULL,
    logins_30d          INT         NOT NULL,
    logins_90d          INT         NOT NULL,
    computed_at         DATETIME    NOT NULL,
    CONSTRAINT pk_user_activity PRIMARY KEY (profile, user_id)
);

CREATE TABLE consumption (
    profile      VARCHAR(64)    NOT NULL,
    metric       VARCHAR(190)   NOT NULL,
    period_start DATE           NOT NULL,
    period_end   DATE           NULL,
    allowed      DECIMAL(20, 4) NULL,
    used         DECIMAL(20, 4) NULL,
    source       VARCHAR(32)    NOT NULL,
    captured_at  DATETIME       NOT NULL,
    CONSTRAINT pk_consumption PRIMARY KEY (profile, metric, period_start)
);
