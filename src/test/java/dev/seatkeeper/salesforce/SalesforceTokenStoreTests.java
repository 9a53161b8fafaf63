package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import dev.seatkeeper.salesforce.FakeSalesforce.Request;
import dev.seatkeeper.salesforce.SalesforceConnection.Auth;
import dev.seatkeeper.salesforce.auth.SalesforceTokenStore;
import dev.seatkeeper.salesforce.auth.StoredAuthorization;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The encrypted token store on H2 and on a MySQL-compatible server, driven by the refresh flow. */
class SalesforceTokenStoreTests {

	private static final String OLD_REFRESH = "5Aep861storedRefreshTokenValue";

	private static final String ROTATED_REFRESH = "5Aep861rotatedRefreshTokenValue";

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void rotatedRefreshTokenReplacesTheStoredOneEncrypted(TestDatabase database) {
		DataSource dataSource = database.fresh();
		SalesforceTokenStore store = SalesforceFixtures.store(dataSource);
		try (FakeSalesforce salesforce = FakeSalesforce.start()) {
			store.saveAuthorization("acme", "00D!storedAccessToken", OLD_REFRESH, salesforce.url());
			store.invalidateAccessToken("acme");
			salesforce.token("token-response-rotated.json")
				.on("GET", "/services/data/v62.0/query", 200, "query-count.json");
			SalesforceClient client = SalesforceFixtures.factory(store)
				.connect(SalesforceFixtures.connection(salesforce, Auth.refreshToken("3MVG9clientId", null)));

			client.queryPage("SELECT COUNT() FROM User");
			client.queryPage("SELECT COUNT() FROM User");

			Request refresh = salesforce.tokenRequests().get(0);
			assertThat(salesforce.tokenRequests()).hasSize(1);
			assertThat(refresh.param("refresh_token")).isEqualTo(OLD_REFRESH);
			StoredAuthorization stored = store.load("acme").orElseThrow();
			assertThat(stored.refreshToken().getTokenValue()).isEqualTo(ROTATED_REFRESH);
			assertThat(stored.accessToken().getTokenValue()).isEqualTo("00D5g000004XXXX!AQ0AQ.accessTokenRotated");
			assertThat(stored.instanceUrl()).isEqualTo(salesforce.url());
			assertThat(stored.toString()).doesNotContain(ROTATED_REFRESH).doesNotContain("accessTokenRotated");
		}
		Map<String, Object> row = JdbcClient.create(dataSource)
			.sql("SELECT access_token, refresh_token FROM sf_oauth_token WHERE registration_id = 'acme'")
			.query()
			.singleRow();
		assertThat(row.values()).allSatisfy((column) -> assertThat(String.valueOf(column))
			.doesNotContain(ROTATED_REFRESH)
			.doesNotContain(OLD_REFRESH)
			.doesNotContain("accessTokenRotated")
			.doesNotContain("00D5g000004XXXX"));
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void invalidatingKeepsTheRefreshTokenAndRemovingForgetsAll(TestDatabase database) {
		SalesforceTokenStore store = SalesforceFixtures.store(database.fresh());
		store.saveAuthorization("acme", "00D!access", OLD_REFRESH, java.net.URI.create("https://acme.my.salesforce.com"));

		store.invalidateAccessToken("acme");

		StoredAuthorization stored = store.load("acme").orElseThrow();
		assertThat(stored.accessToken().getExpiresAt()).isBefore(java.time.Instant.now());
		assertThat(stored.refreshToken().getTokenValue()).isEqualTo(OLD_REFRESH);
		store.remove("acme");
		assertThat(store.load("acme")).isEmpty();
	}

}
