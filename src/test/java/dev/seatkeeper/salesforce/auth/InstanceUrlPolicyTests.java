package dev.seatkeeper.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;

import dev.seatkeeper.salesforce.SalesforceAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceUrlPolicyTests {

	private final InstanceUrlPolicy strict = new InstanceUrlPolicy("acme", false);

	private final InstanceUrlPolicy loopback = new InstanceUrlPolicy("sandbox", true);

	@ParameterizedTest
	@ValueSource(strings = { "https://acme.my.salesforce.com", "https://na139.salesforce.com",
			"https://acme--uat.sandbox.my.salesforce.com", "https://acme.lightning.force.com",
			"https://eu5.cloudforce.com", "https://ACME.MY.SALESFORCE.COM/", "https://acme.my.salesforce.mil",
			"https://acme.my-salesforce.com", "https://acme.my.sfcrmproducts.cn", "https://acme.salesforce.com.cn" })
	void acceptsHttpsSalesforceHosts(String url) {
		assertThat(this.strict.validate(url).toString()).doesNotEndWith("/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://acme.my.salesforce.com", "https://salesforce.com.evil.example",
			"https://evilsalesforce.com", "https://acme.my.salesforce.com.evil.example", "ftp://acme.my.salesforce.com",
			"https://user@acme.my.salesforce.com", "https://acme.my.salesforce.com/services/data",
			"http://127.0.0.1:8080", "http://localhost:8080", "https://[::1]:8443", "not a url", "" })
	void rejectsEverythingElseWithoutLoopback(String url) {
		assertThatExceptionOfType(SalesforceAuthenticationException.class).isThrownBy(() -> this.strict.validate(url))
			.satisfies((ex) -> {
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getErrorCode()).isEqualTo("UNTRUSTED_INSTANCE_URL");
			});
	}

	@Test
	void loopbackOverHttpOnlyWhenAllowed() {
		assertThat(this.loopback.validate("http://127.0.0.1:8080/")).isEqualTo(URI.create("http://127.0.0.1:8080"));
		assertThat(this.loopback.validate("http://localhost:8080")).isEqualTo(URI.create("http://localhost:8080"));
		assertThatExceptionOfType(SalesforceAuthenticationException.class)
			.isThrownBy(() -> this.loopback.validate("http://acme.my.salesforce.com"));
		assertThatExceptionOfType(SalesforceAuthenticationException.class)
			.isThrownBy(() -> this.loopback.validate("http://evil.example"));
		assertThat(this.loopback.validate("http://127.0.0.2:18601")).isEqualTo(URI.create("http://127.0.0.2:18601"));
		assertThat(this.loopback.validate("http://[::1]:18601")).isEqualTo(URI.create("http://[::1]:18601"));
		for (String elsewhere : new String[] { "http://192.0.2.2:18601", "https://192.0.2.2:18601", "http://127.0.0.256",
				"http://127.0.0.1.evil.example", "http://10.0.0.1", "https://evil.example" }) {
			assertThatExceptionOfType(SalesforceAuthenticationException.class).as(elsewhere)
				.isThrownBy(() -> this.loopback.validate(elsewhere));
		}
	}

	@Test
	void missingInstanceUrlIsRejected() {
		assertThatExceptionOfType(SalesforceAuthenticationException.class).isThrownBy(() -> this.strict.validate(null))
			.withMessageContaining("no instance_url");
	}

}
