-- Views for operators who read the job's history straight from the database.

-- One row per job execution: which profile and run date, how it ended, how long it took, what it moved.
CREATE VIEW v_runs AS
SELECT e.JOB_EXECUTION_ID AS execution_id,
       e.JOB_INSTANCE_ID  AS instance_id,
       p.PARAMETER_VALUE  AS profile,
       d.PARAMETER_VALUE  AS run_date,
       e.STATUS           AS status,
       e.EXIT_CODE        AS exit_code,
       e.START_TIME       AS started_at,
       e.END_TIME         AS ended_at,
       TIMESTAMPDIFF(SECOND, e.START_TIME, e.END_TIME) AS duration_seconds,
       (SELECT COALESCE(SUM(s.READ_COUNT), 0) FROM BATCH_STEP_EXECUTION s
         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID) AS read_count,
       (SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s
         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID) AS write_count,
       (SELECT COALESCE(SUM(s.READ_SKIP_COUNT + s.WRITE_SKIP_COUNT + s.PROCESS_SKIP_COUNT), 0) FROM BATCH_STEP_EXECUTION s
         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID) AS skip_count,
       e.EXIT_MESSAGE     AS exit_message
FROM BATCH_JOB_EXECUTION e
LEFT JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'profile'
LEFT JOIN BATCH_JOB_EXECUTION_PARAMS d ON d.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND d.PARAMETER_NAME = 'runDate';

-- Who holds which license right now, with their last activity.
CREATE VIEW v_current_subscriptions AS
SELECT s.profile,
       s.model_identifier,
       m.label      AS model_label,
       m.kind       AS model_kind,
       s.user_id,
       u.username,
       u.full_name,
       u.user_type,
       u.is_active,
       u.last_login_at,
       a.last_successful_login_in_history,
       a.logins_30d,
       a.logins_90d,
       s.first_seen,
       s.last_seen
FROM subscription s
JOIN sf_user u        ON u.profile = s.profile AND u.user_id = s.user_id
JOIN software_model m ON m.profile = s.profile AND m.identifier = s.model_identifier
LEFT JOIN user_activity a ON a.profile = s.profile AND a.user_id = s.user_id
WHERE s.ended_at IS NULL;
