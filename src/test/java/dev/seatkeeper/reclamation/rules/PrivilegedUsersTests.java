package dev.seatkeeper.reclamation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SandboxClients;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Administrators looked up in the sandbox with the one query the rules step makes: through their profile's own
 * permission set, and through a permission set granting Manage Users.
 */
class PrivilegedUsersTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	Sandbox sandbox;

	SalesforceClient client;

	@BeforeEach
	void start() {
		this.sandbox = Sandbox.builder().users(400).now(NOW).build().start();
		this.client = SandboxClients.connect(this.sandbox);
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void usersOfTheAdministratorProfileAreProtectedWithTheReason() {
		Set<String> admins = usersOfProfile("System Administrator");

		PrivilegedUsers privileged = PrivilegedUsers.lookUp(() -> this.client);

		assertThat(admins).isNotEmpty();
		assertThat(privileged.count()).isEqualTo(admins.size());
		assertThat(admins).allSatisfy(id -> assertThat(privileged.reasonOf(id)).isEqualTo(
				"protected administrator: profile System Administrator grants Modify All Data, Manage Users, Customize Application"));
		assertThat(privileged.reasonOf(this.sandbox.org().integrationUserId())).isNull();
	}

	@Test
	void aPermissionSetGrantingManageUsersProtectsItsHoldersToo() {
		Row reportBuilder = this.sandbox.org().table(OrgTypes.PERMISSION_SET).rows().stream()
			.filter(set -> "Report_Builder".equals(set.fieldValue("Name")))
			.findFirst()
			.orElseThrow();
		this.sandbox.org().writer().update(reportBuilder.id(), Map.of("PermissionsManageUsers", true));
		Set<String> holders = this.sandbox.org().table(OrgTypes.PERMISSION_SET_ASSIGNMENT).rows().stream()
			.filter(a -> reportBuilder.id().equals(a.fieldValue("PermissionSetId")))
			.map(a -> (String) a.fieldValue("AssigneeId"))
			.collect(Collectors.toCollection(TreeSet::new));
		holders.removeAll(usersOfProfile("System Administrator"));

		PrivilegedUsers privileged = PrivilegedUsers.lookUp(() -> this.client);

		assertThat(holders).isNotEmpty().allSatisfy(id -> assertThat(privileged.reasonOf(id))
			.isEqualTo("protected administrator: permission set Report_Builder grants Manage Users"));
	}

	private Set<String> usersOfProfile(String name) {
		return this.sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter(user -> name.equals(user.value("Profile.Name")))
			.map(Row::id)
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
