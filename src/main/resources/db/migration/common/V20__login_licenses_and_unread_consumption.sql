-- Login-based licenses (Customer/Partner Community Login): Salesforce's monthly login allowance and the logins used
-- this month (UserLicense.MonthlyLoginsEntitlement / MonthlyLoginsUsed; null for licenses billed per user), stored
-- with the model and carried into the position, whose status they decide instead of seats.
ALTER TABLE software_model ADD COLUMN monthly_logins_entitlement INT NULL;
ALTER TABLE software_model ADD COLUMN monthly_logins_used INT NULL;
ALTER TABLE license_position ADD COLUMN monthly_logins_entitled INT NULL;
ALTER TABLE license_position ADD COLUMN monthly_logins_used INT NULL;

-- Why a consumption metric has no current reading (NO_DATA): its source could not be read this run, or Salesforce
-- reports none.
ALTER TABLE consumption_position ADD COLUMN reason VARCHAR(1000) NULL;
