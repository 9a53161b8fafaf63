package dev.seatkeeper.sandbox.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.seatkeeper.sandbox.auth.Sessions;
import dev.seatkeeper.sandbox.auth.TokenService;
import dev.seatkeeper.sandbox.fault.Faults;
import dev.seatkeeper.sandbox.fault.RequestLog;
import dev.seatkeeper.sandbox.limits.ApiUsage;
import dev.seatkeeper.sandbox.org.SandboxOrg;
import dev.seatkeeper.sandbox.query.QueryCursors;
import dev.seatkeeper.sandbox.query.QueryEngine;

/**
 * The JDK's HTTP server bound to the loopback address (port 0 picks a free one), serving with a fixed pool of
 * daemon threads: injected latency sleeps in a worker, so the pool is larger than the core count. Start once,
 * stop once.
 */
public final class SandboxServer {

	/** What the server serves: the org and the services around it. */
	public record Parts(SandboxOrg org, TokenService tokens, Sessions sessions, ApiUsage usage, Faults faults,
			RequestLog log, QueryEngine engine, QueryCursors cursors) {
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final String baseUrl;

	public SandboxServer(Parts parts, int port, int threads) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, ex);
		}
		this.baseUrl = "http://127.0.0.1:" + this.server.getAddress().getPort();
		AtomicInteger count = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "sandbox-http-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		SandboxRouter.Handlers handlers = new SandboxRouter.Handlers(new OAuthHandler(parts.tokens(), parts.sessions()),
				new SoapLoginHandler(parts.tokens(), parts.org()),
				new InfoHandler(parts.org(), parts.usage()), new QueryHandler(parts.engine(), parts.cursors(), parts.faults()),
				new SObjectHandler(parts.org()), new CompositeHandler(parts.org(), parts.faults()),
				new AdminHandler(parts.faults(), parts.log(), parts.org()));
		this.server.createContext("/", new SandboxRouter(handlers, parts.sessions(), parts.usage(), parts.faults(),
				parts.log(), () -> this.baseUrl));
		this.server.setExecutor(this.executor);
	}

	public void start() {
		this.server.start();
	}

	public void stop() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** {@code http://127.0.0.1:PORT}, also the {@code instance_url} tokens hand out. */
	public String baseUrl() {
		return this.baseUrl;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

}
