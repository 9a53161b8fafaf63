-- Nights between full sweeps download only the users Salesforce changed: those whose SystemModstamp is later than
-- the latest stamp of the last complete download (less an overlap). Stamps are Salesforce's clock, never this
-- machine's.
ALTER TABLE sf_user ADD COLUMN system_modstamp DATETIME NULL;
-- The latest SystemModstamp stored when the last download completed; moves only then, so a restart plans the same.
ALTER TABLE profile_state ADD COLUMN users_modstamp DATETIME NULL;
-- When every user was last downloaded: only such a sweep can tell that a user is gone from Salesforce.
ALTER TABLE profile_state ADD COLUMN users_swept_at DATETIME NULL;
