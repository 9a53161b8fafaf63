-- Record activity per user and CRM object (issue 17): the last record the user created and the last one they were the
-- last to modify (as far back as the first night's backfill), and how many records they were the last to modify in
-- the 90 days before counted_at (the as-of instant of the run that counted them). Written by recordActivity.
CREATE TABLE record_activity (
    profile          VARCHAR(64)  NOT NULL,
    user_id          VARCHAR(18)  NOT NULL,
    object_name      VARCHAR(80)  NOT NULL,
    last_created_at  DATETIME     NULL,
    last_modified_at DATETIME     NULL,
    modified_90d     INT          NOT NULL DEFAULT 0,
    counted_at       DATETIME     NULL,
    CONSTRAINT pk_record_activity PRIMARY KEY (profile, user_id, object_name)
);

-- Per profile and object: the instant up to which records created are read; each night reads from it (less the
-- look-back) and a completed step moves it to the run's as-of instant, never backwards.
CREATE TABLE record_activity_watermark (
    profile          VARCHAR(64)  NOT NULL,
    object_name      VARCHAR(80)  NOT NULL,
    watermark_time   DATETIME     NOT NULL,
    CONSTRAINT pk_record_activity_watermark PRIMARY KEY (profile, object_name)
);
