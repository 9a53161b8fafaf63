-- Notices to users before their licenses are reclaimed. notified_at is when the notice was sent (the run's as-of
-- instant); a NOTIFIED candidate without it is one whose sending was interrupted, so it is never sent again and never
-- approved automatically. notice says what happened to the notice, for operators: sent to whom, or why none was sent.
-- Neither column is touched by the nightly upsert, so a notice survives the runs that find the candidate still idle.
ALTER TABLE reclamation_candidate ADD COLUMN notified_at DATETIME NULL;
ALTER TABLE reclamation_candidate ADD COLUMN notice VARCHAR(1000) NULL;
