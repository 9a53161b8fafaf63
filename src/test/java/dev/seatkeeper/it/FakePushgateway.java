package dev.seatkeeper.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A Prometheus Pushgateway on a loopback port that keeps every push and answers with a chosen status. */
final class FakePushgateway implements AutoCloseable {

	private final HttpServer server;

	private final List<Push> pushes = new ArrayList<>();

	private volatile int status = 200;

	record Push(String method, String path, String contentType, String body) {

		PushedMetrics metrics() {
			return PushedMetrics.parse(this.body);
		}

	}

	private FakePushgateway(HttpServer server) {
		this.server = server;
	}

	static FakePushgateway start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			FakePushgateway gateway = new FakePushgateway(server);
			server.createContext("/", gateway::handle);
			server.start();
			return gateway;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	FakePushgateway answering(int httpStatus) {
		this.status = httpStatus;
		return this;
	}

	synchronized List<Push> pushes() {
		return List.copyOf(this.pushes);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		synchronized (this) {
			this.pushes.add(new Push(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
					exchange.getRequestHeaders().getFirst("Content-Type"), body));
		}
		exchange.sendResponseHeaders(this.status, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
