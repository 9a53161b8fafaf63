package dev.seatkeeper.salesforce;

import java.net.http.HttpClient;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The JDK {@link HttpClient} based request factory of one connection, with its connect and read timeouts. Redirects
 * are never followed: a token must not travel to a host that was not validated.
 */
public final class SalesforceHttp {

	private SalesforceHttp() {
	}

	public static ClientHttpRequestFactory requestFactory(SalesforceConnection connection) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(connection.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
		factory.setReadTimeout(connection.readTimeout());
		return factory;
	}

}
