package dev.seatkeeper.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import dev.seatkeeper.profile.InvalidProfilesException;
import dev.seatkeeper.salesforce.SalesforceApiException;
import dev.seatkeeper.salesforce.SalesforceAuthenticationException;
import dev.seatkeeper.salesforce.auth.TokenKeyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.web.client.ResourceAccessException;

/** Which failures an operator must fix (exit 2) and which a retry may pass (exit 1), and what each says. */
class FailureTests {

	@Test
	void configurationAndCredentialsNeedAPerson() {
		assertThat(Failure.of(new BeanCreationException("tokenStore", "wrapped", new TokenKeyException("key is bad"))))
			.isEqualTo(new Failure(ExitCode.INVALID_CONFIGURATION, "key is bad"));
		assertThat(Failure.of(SalesforceAuthenticationException.refused("acme", "invalid_client", "invalid client credentials", null)))
			.satisfies(failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION))
			.satisfies(failure -> assertThat(failure.message()).startsWith("invalid_client (HTTP 400): Salesforce refused"
					+ " authentication for profile 'acme': invalid client credentials. Fix the profile's"));
		assertThat(Failure.of(new InvalidProfilesException(List.of("a.yaml: name: is required"))).exitCode())
			.isEqualTo(ExitCode.INVALID_CONFIGURATION);
	}

	@Test
	void databaseRefusalsAreConfigurationAndUnreachableDatabasesTransient() {
		assertThat(Failure.of(new RuntimeException("flyway", new SQLException("Unknown database 'sk_x'", "42000", 1049))))
			.satisfies(failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION))
			.satisfies(failure -> assertThat(failure.message()).contains("has no such database (Unknown database 'sk_x')"));
		assertThat(Failure.of(new SQLException("Access denied for user 'x'@'localhost'", "28000", 1045)).exitCode())
			.isEqualTo(ExitCode.INVALID_CONFIGURATION);
		Failure unreachable = Failure.of(new SQLTransientConnectionException("Communications link failure", "08S01",
				new ConnectException("Connection refused")));
		assertThat(unreachable.exitCode()).isEqualTo(ExitCode.FAILED);
		assertThat(unreachable.message()).startsWith("Cannot connect to the database").contains("the connection was refused");
	}

	@Test
	void salesforceNetworkFailuresNameHostAndCauseAndMayBeRetried() {
		SalesforceApiException io = SalesforceApiException.ioFailure("GET https://acme.my.salesforce.com/services/data",
				new ResourceAccessException("I/O error", new UnknownHostException("acme.my.salesforce.com")));

		assertThat(io.getMessage()).isEqualTo("IO_ERROR (HTTP 0): GET https://acme.my.salesforce.com/services/data failed:"
				+ " the host name does not resolve (DNS)");
		assertThat(Failure.of(io).exitCode()).isEqualTo(ExitCode.FAILED);
		assertThat(Failure.of(new IllegalStateException("boom")).message())
			.isEqualTo("boom. Rerun with --verbose for the stack trace.");
	}

}
