package dev.seatkeeper.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.seatkeeper.sandbox.fault.RequestLog;
import org.jspecify.annotations.Nullable;

/**
 * An exchange that enters itself in the request log just before its response headers go out, so the entry is there by
 * the time the client has the answer: a test that checks the log right after a call never misses that call. A call
 * that ends without a response is logged by {@link #logIfUnanswered()}.
 *
 * <p>As Salesforce does, an answer with a body is compressed only when the request asked for it
 * ({@code Accept-Encoding: gzip} or {@code deflate}; gzip preferred), and then says so in {@code Content-Encoding}.
 * The body bytes that go on the wire (compressed or not) are counted in the request log.
 */
final class LoggedExchange extends HttpExchange {

	private final HttpExchange exchange;

	private final RequestLog log;

	private final String pathAndQuery;

	private final Instant start;

	private boolean logged;

	private @Nullable OutputStream body;

	LoggedExchange(HttpExchange exchange, RequestLog log, String pathAndQuery, Instant start) {
		this.exchange = exchange;
		this.log = log;
		this.pathAndQuery = pathAndQuery;
		this.start = start;
	}

	@Override
	public void sendResponseHeaders(int status, long length) throws IOException {
		log(status);
		String encoding = (length >= 0 && status != 204 && status != 304) ? acceptedEncoding() : null;
		OutputStream wire = new CountingOutputStream(this.exchange.getResponseBody(), this.log);
		if (encoding == null) {
			this.body = wire;
			this.exchange.sendResponseHeaders(status, length);
			return;
		}
		this.exchange.getResponseHeaders().set("Content-Encoding", encoding);
		this.exchange.getResponseHeaders().add("Vary", "Accept-Encoding");
		// The compressed length is not known before the body is written: send it chunked. The gzip header is written
		// when its stream is made, so only after the response headers.
		this.exchange.sendResponseHeaders(status, 0);
		this.body = "gzip".equals(encoding) ? new GZIPOutputStream(wire, 8192) : new DeflaterOutputStream(wire);
	}

	/** {@code gzip} or {@code deflate} when the request accepts it (any q other than 0), else {@code null}. */
	private @Nullable String acceptedEncoding() {
		List<String> headers = this.exchange.getRequestHeaders().get("Accept-Encoding");
		if (headers == null) {
			return null;
		}
		boolean deflate = false;
		for (String header : headers) {
			for (String item : header.split(",")) {
				String[] parts = item.trim().toLowerCase(Locale.ROOT).split(";");
				boolean refused = parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?");
				if ("gzip".equals(parts[0].trim()) && !refused) {
					return "gzip";
				}
				deflate |= "deflate".equals(parts[0].trim()) && !refused;
			}
		}
		return deflate ? "deflate" : null;
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

	/** Finishes a compressed body (its trailer) before the exchange is closed. */
	@Override
	public void close() {
		try {
			if (this.body != null) {
				this.body.close();
			}
		}
		catch (IOException ex) {
			// The client went away; closing the exchange below is all that is left to do.
		}
		this.exchange.close();
	}

	@Override
	public InputStream getRequestBody() {
		return this.exchange.getRequestBody();
	}

	@Override
	public OutputStream getResponseBody() {
		return (this.body != null) ? this.body : this.exchange.getResponseBody();
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

	/** Counts what goes on the wire into the request log. */
	private static final class CountingOutputStream extends java.io.FilterOutputStream {

		private final RequestLog log;

		CountingOutputStream(OutputStream out, RequestLog log) {
			super(out);
			this.log = log;
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.log.addResponseBytes(1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
			this.log.addResponseBytes(length);
		}

	}

}
