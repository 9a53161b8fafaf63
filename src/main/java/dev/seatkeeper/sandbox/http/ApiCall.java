package dev.seatkeeper.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import dev.seatkeeper.sandbox.auth.Sessions;

/**
 * One authenticated REST API call: the exchange, whose session it runs in, the API version from the path
 * ({@code 62.0}) and the rest of the path after {@code /services/data/vNN.N/}.
 */
record ApiCall(HttpExchange exchange, Sessions.Session session, String version, String rest) {

	/** {@code /services/data/vNN.N}: the prefix of every URL the response hands out. */
	String apiPath() {
		return "/services/data/v" + this.version;
	}

	String method() {
		return this.exchange.getRequestMethod();
	}

}
