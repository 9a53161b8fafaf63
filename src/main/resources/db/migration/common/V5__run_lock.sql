-- One live run per profile. The holder refreshes heartbeat_at; a lock whose heartbeat is stale (or whose owner
-- process on the same host is gone) belongs to a killed run and may be taken over, after the job repository's
-- STARTED execution has been recovered. Times are the database's own clock, shared by every pod.
CREATE TABLE run_lock (
    profile      VARCHAR(64)  NOT NULL,
    owner        VARCHAR(190) NOT NULL,
    run_date     DATE         NOT NULL,
    acquired_at  DATETIME     NOT NULL,
    heartbeat_at DATETIME     NOT NULL,
    CONSTRAINT pk_run_lock PRIMARY KEY (profile)
);
