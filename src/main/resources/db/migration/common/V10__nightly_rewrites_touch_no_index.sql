-- Every night the download confirms each user and subscription by moving last_seen to the run's instant. Indexed,
-- that is a delete and an insert in the index per row (a second night of 100,000 users spent most of its
-- downloadSubscriptions time there); unindexed, the row is updated in place. The end-of-download sweep that reads
-- last_seen scans the profile's rows through the primary key instead, once a night.
ALTER TABLE sf_user DROP INDEX ix_sf_user_last_seen;
ALTER TABLE subscription DROP INDEX ix_subscription_last_seen;
