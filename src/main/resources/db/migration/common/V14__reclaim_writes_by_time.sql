-- The caps count a profile's reclaim writes (audited moves to RECLAIMING) in the last 24 hours and 7 days before
-- each run and each preview; without this index that count reads the whole audit, which grows every night.
CREATE INDEX ix_reclamation_audit_writes ON reclamation_audit (profile, to_state, occurred_at);
