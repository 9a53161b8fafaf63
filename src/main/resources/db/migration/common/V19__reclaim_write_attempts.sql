-- Writes Salesforce refused for a passing reason (UNABLE_TO_LOCK_ROW: another transaction held the row). Such a
-- candidate goes back to APPROVED and is written again on a later run, until write_attempts reaches the bound; then
-- it is FAILED with Salesforce's message. The nightly upsert does not touch the column.
ALTER TABLE reclamation_candidate ADD COLUMN write_attempts INT NOT NULL DEFAULT 0;
