-- Reclamation candidates: one row per (profile, user, model, rule), kept across nightly runs so the lifecycle
-- (NEW -> NOTIFIED -> APPROVED -> RECLAIMED | FAILED, or CANCELED, REJECTED, SKIPPED) carries over. Rows are written
-- by upsert on that key, so a replayed step leaves the same row. Times are UTC DATETIME.
CREATE TABLE reclamation_candidate (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    profile           VARCHAR(64)   NOT NULL,
    user_id           VARCHAR(18)   NOT NULL,
    model             VARCHAR(190)  NOT NULL,
    rule_name         VARCHAR(128)  NOT NULL,
    action            VARCHAR(40)   NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    reason            VARCHAR(1000) NULL,
    last_activity_at  DATETIME      NULL,
    detected_at       DATETIME      NOT NULL,
    evaluated_at      DATETIME      NOT NULL,
    state_changed_at  DATETIME      NOT NULL,
    decided_by        VARCHAR(128)  NULL,
    decided_at        DATETIME      NULL,
    CONSTRAINT pk_reclamation_candidate PRIMARY KEY (id),
    CONSTRAINT uq_reclamation_candidate UNIQUE (profile, user_id, model, rule_name)
);
CREATE INDEX ix_reclamation_candidate_state ON reclamation_candidate (profile, state);

-- Every change of a candidate's state, by the job or an operator: who, when, in which mode and why.
CREATE TABLE reclamation_audit (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    candidate_id  BIGINT        NOT NULL,
    profile       VARCHAR(64)   NOT NULL,
    from_state    VARCHAR(16)   NULL,
    to_state      VARCHAR(16)   NOT NULL,
    mode          VARCHAR(16)   NULL,
    actor         VARCHAR(128)  NOT NULL,
    occurred_at   DATETIME      NOT NULL,
    detail        VARCHAR(1000) NULL,
    CONSTRAINT pk_reclamation_audit PRIMARY KEY (id),
    CONSTRAINT fk_reclamation_audit_candidate FOREIGN KEY (candidate_id) REFERENCES reclamation_candidate (id)
);
CREATE INDEX ix_reclamation_audit_candidate ON reclamation_audit (candidate_id, occurred_at);

-- For operators: every audited change with the candidate it concerns, newest first when ordered by audit_id DESC.
CREATE VIEW v_reclamation_audit AS
SELECT a.id AS audit_id, a.profile, c.id AS candidate_id, c.user_id, c.model, c.rule_name, c.action,
       a.from_state, a.to_state, a.mode, a.actor, a.occurred_at, a.detail
FROM reclamation_audit a
JOIN reclamation_candidate c ON c.id = a.candidate_id;
