package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceHostsTests {

	@ParameterizedTest
	@CsvSource({ "https://acme.my.salesforce.com, https://login.salesforce.com",
			"https://login.salesforce.com/, https://login.salesforce.com",
			"https://test.salesforce.com, https://test.salesforce.com",
			"https://TEST.salesforce.com/, https://test.salesforce.com",
			"https://acme--uat.sandbox.my.salesforce.com, https://test.salesforce.com",
			"https://acme--uat.SANDBOX.my.salesforce.com/, https://test.salesforce.com",
			"https://acme-dev-ed.develop.my.salesforce.com, https://login.salesforce.com",
			"http://127.0.0.1:8443, https://login.salesforce.com" })
	void theJwtAudienceFollowsTheLoginHost(String loginUrl, String audience) {
		assertThat(SalesforceHosts.jwtAudience(URI.create(loginUrl))).isEqualTo(audience);
	}

	@ParameterizedTest
	@ValueSource(strings = { "acme.my.salesforce.com", "na139.salesforce.com", "acme.lightning.force.com",
			"eu5.cloudforce.com", "acme.my-salesforce.com", "acme.my.salesforce.mil", "acme.my.sfcrmproducts.cn",
			"acme.salesforce.com.cn", "ACME.My.Salesforce.Com" })
	void salesforceServesOrgsFrom(String host) {
		assertThat(SalesforceHosts.isSalesforceHost(host)).isTrue();
		assertThat(SalesforceHosts.isLoopback(host)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "salesforce.com.evil.example", "evilsalesforce.com", "acme.my.salesforce.com.evil.example",
			"my-salesforce.com.evil.example", "acme.sfcrmproducts.cn.evil.example", "192.0.2.2", "127.0.0.1", "" })
	void nothingElseIsASalesforceHost(String host) {
		assertThat(SalesforceHosts.isSalesforceHost(host)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "127.0.0.1", "127.1.2.3", "127.255.255.255", "[::1]", "::1" })
	void loopbackIsOnly127Slash8IPv6LoopbackAndLocalhost(String host) {
		assertThat(SalesforceHosts.isLoopback(host)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.2", "10.0.0.1", "127.0.0.256", "127.0.0.1.evil.example", "localhost.evil.example",
			"128.0.0.1", "0.0.0.0", "" })
	void nothingElseIsLoopback(String host) {
		assertThat(SalesforceHosts.isLoopback(host)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "login.salesforce.com", "test.salesforce.com", "LOGIN.salesforce.com" })
	void genericLoginHostsServeEveryOrg(String host) {
		assertThat(SalesforceHosts.isGenericLoginHost(host)).isTrue();
		assertThat(SalesforceHosts.isGenericLoginHost("acme.my.salesforce.com")).isFalse();
	}

}
