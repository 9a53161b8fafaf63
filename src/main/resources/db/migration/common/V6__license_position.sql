-- The license position per profile, run date and software model, and per consumption metric, written by the
-- reconcile step. Keyed by (profile, run_date, model|metric): a restarted step rewrites the same rows. Amounts are in
-- the model's own currency (never converted); see the README's "Reports" section for what each column means.
CREATE TABLE license_position (
    profile                          VARCHAR(64)    NOT NULL,
    run_date                         DATE           NOT NULL,
    model                            VARCHAR(190)   NOT NULL,
    label                            VARCHAR(255)   NOT NULL,
    status                           VARCHAR(24)    NOT NULL,
    threshold_days                   INT            NOT NULL,
    term_expired                     BOOLEAN        NOT NULL,
    owned                            INT            NULL,
    site_license                     BOOLEAN        NOT NULL,
    provisioned                      INT            NULL,
    assigned                         INT            NOT NULL,
    active_users                     INT            NOT NULL,
    inactive_users                   INT            NOT NULL,
    open_candidates                  INT            NOT NULL,
    reclaimed_this_run               INT            NOT NULL,
    shortfall                        INT            NOT NULL,
    shelfware                        INT            NOT NULL,
    savings_seats                    INT            NOT NULL,
    savings_after_reclamation_seats  INT            NOT NULL,
    currency                         CHAR(3)        NULL,
    unit_price_annual                DECIMAL(19, 2) NULL,
    cost_monthly                     DECIMAL(19, 2) NULL,
    cost_annual                      DECIMAL(19, 2) NULL,
    inactive_cost_annual             DECIMAL(19, 2) NULL,
    true_up_exposure_annual          DECIMAL(19, 2) NULL,
    savings_annual                   DECIMAL(19, 2) NULL,
    savings_after_reclamation_annual DECIMAL(19, 2) NULL,
    as_of                            DATETIME       NOT NULL,
    CONSTRAINT pk_license_position PRIMARY KEY (profile, run_date, model)
);

CREATE TABLE consumption_position (
    profile      VARCHAR(64)    NOT NULL,
    run_date     DATE           NOT NULL,
    metric       VARCHAR(190)   NOT NULL,
    source       VARCHAR(32)    NULL,
    period_start DATE           NULL,
    period_end   DATE           NULL,
    allowed      DECIMAL(20, 4) NULL,
    allowed_from VARCHAR(16)    NOT NULL,
    used         DECIMAL(20, 4) NULL,
    projected    DECIMAL(20, 4) NULL,
    status       VARCHAR(24)    NOT NULL,
    as_of        DATETIME       NOT NULL,
    CONSTRAINT pk_consumption_position PRIMARY KEY (profile, run_date, metric)
);

-- The latest reconciled position of every profile: the rows of its most recent run date.
CREATE VIEW v_latest_license_position AS
SELECT p.*
FROM license_position p
JOIN (SELECT profile, MAX(run_date) AS run_date FROM license_position GROUP BY profile) latest
  ON latest.profile = p.profile AND latest.run_date = p.run_date;
