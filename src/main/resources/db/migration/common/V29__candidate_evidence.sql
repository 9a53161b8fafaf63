-- What decided a candidate (issue 17): no login since when, no record created or edited on which objects since when.
ALTER TABLE reclamation_candidate ADD COLUMN evidence VARCHAR(1000) NULL;

-- Right-sizing (issue 17): per run date, holders of an expensive license who used none of the objects only it allows
-- for the downgrade's threshold, with the evidence (last login, last record activity per object) and what moving them
-- to the cheaper license saves a year (the price difference from the entitlements; null when either is unpriced).
CREATE TABLE right_size_candidate (
    profile          VARCHAR(64)   NOT NULL,
    run_date         DATE          NOT NULL,
    user_id          VARCHAR(18)   NOT NULL,
    from_model       VARCHAR(190)  NOT NULL,
    to_model         VARCHAR(190)  NOT NULL,
    username         VARCHAR(255)  NOT NULL,
    last_login_at    DATETIME      NULL,
    record_activity  VARCHAR(1000) NULL,
    currency         VARCHAR(3)    NULL,
    savings_annual   DECIMAL(19, 2) NULL,
    CONSTRAINT pk_right_size_candidate PRIMARY KEY (profile, run_date, user_id, from_model)
);
