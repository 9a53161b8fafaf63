-- v_runs summed the steps of a run including the workers of partitioned steps, whose manager step already
-- carries their totals: login events were counted twice. Worker steps are named "<step>:<partition>".
CREATE OR REPLACE VIEW v_runs AS
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
         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS read_count,
       (SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s
         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS write_count,
       (SELECT COALESCE(SUM(s.READ_SKIP_COUNT + s.WRITE_SKIP_COUNT + s.PROCESS_SKIP_COUNT), 0) FROM BATCH_STEP_EXECUTION s
         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS skip_count,
       e.EXIT_MESSAGE     AS exit_message
FROM BATCH_JOB_EXECUTION e
LEFT JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'profile'
LEFT JOIN BATCH_JOB_EXECUTION_PARAMS d ON d.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND d.PARAMETER_NAME = 'runDate';
