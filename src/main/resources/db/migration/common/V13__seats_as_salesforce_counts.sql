-- Drift: Salesforce's own used count of a model (UsedLicenses, or ActiveFeatureLicenseMetric.AssignedUserCount for
-- feature licenses) next to Seatkeeper's assigned, and the difference (salesforce_used - assigned). Null where
-- Salesforce publishes no count. salesforce_active is Salesforce's count of assignees who logged in within 30 days
-- (the Active*Metric objects), where the org has them.
ALTER TABLE license_position ADD COLUMN salesforce_used INT NULL;
ALTER TABLE license_position ADD COLUMN drift INT NULL;
ALTER TABLE license_position ADD COLUMN salesforce_active INT NULL;
ALTER TABLE software_model ADD COLUMN active_users INT NULL;
-- A persistent resource (TenantUsageEntitlement.IsPersistentResource, e.g. storage) is a level held, not a use that
-- accumulates over the period: it is compared with its allowance at the reading, never projected.
ALTER TABLE consumption ADD COLUMN persistent BOOLEAN NOT NULL DEFAULT FALSE;
