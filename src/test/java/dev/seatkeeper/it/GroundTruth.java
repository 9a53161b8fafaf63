package dev.seatkeeper.it;

import static dev.seatkeeper.testsupport.TableAssert.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatkeeper.license.FeatureLicenses;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgFacts;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.testsupport.TableAssert;
import org.springframework.jdbc.core.JdbcTemplate;

/** Asserts that a profile's tables hold exactly what the sandbox org holds: nothing missing, nothing twice. */
final class GroundTruth {

	private final JdbcTemplate jdbc;

	private final String profile;

	private GroundTruth(JdbcTemplate jdbc, String profile) {
		this.jdbc = jdbc;
		this.profile = profile;
	}

	static void assertTablesMatch(JdbcTemplate jdbc, String profile, Sandbox sandbox) {
		new GroundTruth(jdbc, profile).assertMatches(sandbox);
	}

	private void assertMatches(Sandbox sandbox) {
		OrgFacts facts = sandbox.facts();
		rows("sf_user", "").hasRows(facts.users());
		rows("sf_user", " AND is_active = TRUE").hasRows(facts.activeUsers());
		facts.activeUsersByLicense()
			.forEach((key, users) -> assertThat(openSubscriptions("UserLicense:" + key)).as(key).isEqualTo(users));
		facts.assignmentsByPermissionSetLicense()
			.forEach((key, assigned) -> assertThat(openSubscriptions("PermissionSetLicense:" + key)).as(key)
				.isEqualTo(assigned));
		facts.assignmentsByPackage()
			.forEach((key, assigned) -> assertThat(openSubscriptions("PackageLicense:" + key)).as(key).isEqualTo(assigned));
		for (FeatureLicenses.Feature feature : FeatureLicenses.ALL) {
			// A flag the org lacks or hides from the integration user is a feature not in that org: nobody holds it.
			int holders = sandbox.org().runAs().sees("User", feature.field()) ? activeUsersWith(sandbox, feature.field()) : 0;
			assertThat(openSubscriptions(feature.identifier())).as(feature.identifier()).isEqualTo(holders);
		}
		rows("login_event", "").hasRows(facts.loginEvents());
		rows("user_activity", "").hasRows(facts.users());
		rows("consumption", " AND source = 'USAGE_ENTITLEMENT'")
			.hasRows(sandbox.org().table(OrgTypes.TENANT_USAGE_ENTITLEMENT).size());
	}

	private int openSubscriptions(String model) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM subscription WHERE profile = ? AND model_identifier = ? AND ended_at IS NULL",
				Integer.class, this.profile, model);
		return (count != null) ? count : 0;
	}

	/** The profile's rows of a table, {@code and} narrowing them further. */
	private TableAssert rows(String table, String and) {
		return assertThatTable(this.jdbc, table).where("profile = ?" + and, this.profile);
	}

	static int activeUsersWith(Sandbox sandbox, String flag) {
		var users = sandbox.org().table(OrgTypes.USER);
		int count = 0;
		for (int i = 0; i < users.size(); i++) {
			var user = users.record(i);
			if (Boolean.TRUE.equals(user.fieldValue("IsActive")) && Boolean.TRUE.equals(user.fieldValue(flag))) {
				count++;
			}
		}
		return count;
	}

}
