-- v_runs.exit_code showed Spring Batch's exit status words (COMPLETED, FAILED), which say nothing the status column
-- does not. It now holds the exit code of the process that ran the execution (README, "Exit codes"): 2 for a run that
-- failed on configuration or credentials (no retry helps), 1 for one a relaunch may finish, 3 stopped, 0 done.
-- The runner records it in run_exit when the job ends; for executions without a row (ended before this version, or
-- left behind by a killed process and recovered) it follows from the Batch status, and a running one has none.
CREATE TABLE run_exit (
    job_execution_id BIGINT NOT NULL,
    exit_code        INT    NOT NULL,
    PRIMARY KEY (job_execution_id)
);

CREATE OR REPLACE VIEW v_runs AS
SELECT e.JOB_EXECUTION_ID AS execution_id,
       e.JOB_INSTANCE_ID  AS instance_id,
       p.PARAMETER_VALUE  AS profile,
       d.PARAMETER_VALUE  AS run_date,
       e.STATUS           AS status,
       COALESCE(x.exit_code, CASE e.STATUS WHEN 'COMPLETED' THEN 0 WHEN 'STOPPED' THEN 3
                                           WHEN 'FAILED' THEN 1 WHEN 'ABANDONED' THEN 1 END) AS exit_code,
       e.START_TIME       AS started_at,
       e.END_TIME         AS ended_at,
       TIMESTAMPDIFF(SECOND, e.START_TIME, e.END_TIME) AS duration_seconds,
       (SELECT COALESCE(SUM(s.READ_COUNT), 0) FROM BATCH_STEP_EXECUTION s
         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS read_count,
       (SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s
         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS write_count,
       (SELECT COALESCE(SUM(s.READ_SKIP_COUNT + s.WRITE_SKIP_COUNT + s.PROCESS_SKIP_COUNT), 0) FROM BATCH_STEP_EXECUTION s
         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS skip_count,
       e.EXIT_MESSAGE     AS exit_message,
       (SELECT COUNT(*) FROM skipped_record k WHERE k.job_execution_id = e.JOB_EXECUTION_ID) AS skipped_records
FROM BATCH_JOB_EXECUTION e
LEFT JOIN run_exit x ON x.job_execution_id = e.JOB_EXECUTION_ID
LEFT JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'profile'
LEFT JOIN BATCH_JOB_EXECUTION_PARAMS d ON d.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND d.PARAMETER_NAME = 'runDate';
