package dev.seatkeeper.salesforce;

import java.net.http.HttpClient;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The JDK {@link HttpClient} based request factory of one connection, with its connect and read timeouts. Redirects
 * are never followed: a token must not travel to a host that was not validated. With the connection's
 * {@code compression}, requests say {@code Accept-Encoding: gzip, deflate} and a compressed answer is decompressed
 * as it streams in (Spring's own decompressing body handler), so page parsing stays streaming.
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
		factory.enableCompression(connection.compression());
		return factory;
	}

}
