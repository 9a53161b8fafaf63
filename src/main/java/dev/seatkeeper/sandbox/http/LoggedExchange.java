package dev.seatkeeper.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.seatkeeper.sandbox.fault.RequestLog;

/**
 * An exchange that enters itself in the request log just before its response headers go out, so the entry is there by
 * the time the client has the answer: a test that checks the log right after a call never misses that call. A call
 * that ends without a response is logged by {@link #logIfUnanswered()}.
 */
final class LoggedExchange extends HttpExchange {

	private final HttpExchange exchange;

	private final RequestLog log;

	private final String pathAndQuery;

	private final Instant start;

	private boolean logged;

	LoggedExchange(HttpExchange exchange, RequestLog log, String pathAndQuery, Instant start) {
		this.exchange = exchange;
		this.log = log;
		this.pathAndQuery = pathAndQuery;
		this.start = start;
	}

	@Override
	public void sendResponseHeaders(int status, long length) throws IOException {
		log(status);
		this.exchange.sendResponseHeaders(status, length);
	}

	void logIfUnanswered() {
		if (!this.logged) {
			log(this.exchange.getResponseCode());
		}
	}

	private void log(int status) {
		this.logged = true;
		this.log.add(new RequestLog.Entry(this.start, this.exchange.getRequestMethod(), this.pathAndQuery, status));
	}

	@Override
	public Headers getRequestHeaders() {
		return this.exchange.getRequestHeaders();
	}

	@Override
	public Headers getResponseHeaders() {
		return this.exchange.getResponseHeaders();
	}

	@Override
	public URI getRequestURI() {
		return this.exchange.getRequestURI();
	}

	@Override
	public String getRequestMethod() {
		return this.exchange.getRequestMethod();
	}

	@Override
	public HttpContext getHttpContext() {
		return this.exchange.getHttpContext();
	}

	@Override
	public void close() {
		this.exchange.close();
	}

	@Override
	public InputStream getRequestBody() {
		return this.exchange.getRequestBody();
	}

	@Override
	public OutputStream getResponseBody() {
		return this.exchange.getResponseBody();
	}

	@Override
	public InetSocketAddress getRemoteAddress() {
		return this.exchange.getRemoteAddress();
	}

	@Override
	public int getResponseCode() {
		return this.exchange.getResponseCode();
	}

	@Override
	public InetSocketAddress getLocalAddress() {
		return this.exchange.getLocalAddress();
	}

	@Override
	public String getProtocol() {
		return this.exchange.getProtocol();
	}

	@Override
	public Object getAttribute(String name) {
		return this.exchange.getAttribute(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		this.exchange.setAttribute(name, value);
	}

	@Override
	public void setStreams(InputStream input, OutputStream output) {
		this.exchange.setStreams(input, output);
	}

	@Override
	public HttpPrincipal getPrincipal() {
		return this.exchange.getPrincipal();
	}

}
