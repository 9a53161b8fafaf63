package dev.seatkeeper.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.seatkeeper.salesforce.OrgAuthorizer.Authorization;
import dev.seatkeeper.salesforce.SalesforceConnection.RetrySettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every HTTP exchange with the org goes through {@link #call}: the API budget check, the bearer token and instance
 * URL from the session, reading {@code Sforce-Limit-Info}, turning error bodies into
 * {@link SalesforceApiException}, one re-authentication after {@code INVALID_SESSION_ID}, and bounded retries with
 * exponential backoff and jitter for retryable failures (5xx, I/O, a read timeout once, too many concurrent
 * requests — after which fewer calls go out at once, see {@link ConcurrencyGate}). This is the one place that retries.
 *
 * <p>Thread-safe.
 */
public final class SalesforceTransport {

	static final String LIMIT_INFO_HEADER = "Sforce-Limit-Info";

	private static final Logger logger = LoggerFactory.getLogger(SalesforceTransport.class);

	private final String profile;

	private final RestClient restClient;

	private final OrgAuthorizer session;

	private final ApiBudget budget;

	private final JsonMapper json;

	private final RetryTemplate retryTemplate;

	private final ConcurrencyGate gate;

	public SalesforceTransport(String profile, RestClient restClient, OrgAuthorizer session, ApiBudget budget,
			JsonMapper json, RetrySettings retry) {
		this.profile = profile;
		this.restClient = restClient;
		this.session = session;
		this.budget = budget;
		this.json = json;
		this.retryTemplate = new RetryTemplate(retryPolicy(retry));
		this.retryTemplate.setRetryListener(new LoggingRetryListener(profile));
		this.gate = new ConcurrencyGate(profile);
	}

	JsonMapper json() {
		return this.json;
	}

	/** The user the session's tokens run as, from the token response (no API call). */
	String runningUserId() {
		return this.session.runningUserId();
	}

	/**
	 * One logical call; reads are retried as configured, writes only re-authenticated once after a 401.
	 * @param pathAndQuery an encoded path on the instance URL, starting with {@code /services/}
	 * @return the JSON answer, or {@code null} for an empty one (204)
	 */
	@Nullable JsonNode call(HttpMethod method, String pathAndQuery, @Nullable Object body, Map<String, String> headers) {
		return call(method, pathAndQuery, body, headers, this::tree);
	}

	/**
	 * Like {@link #call(HttpMethod, String, Object, Map)}, with the successful answer's body read by {@code answer}
	 * as it arrives (error answers are read here). A retried call reads its answer again from the start.
	 */
	<T> @Nullable T call(HttpMethod method, String pathAndQuery, @Nullable Object body, Map<String, String> headers,
			AnswerReader<T> answer) {
		Request<T> request = new Request<>(method, pathAndQuery,
				(body != null) ? this.json.writeValueAsBytes(body) : null, headers, answer, new AtomicInteger());
		if (method != HttpMethod.GET) {
			// A write that timed out or got a 5xx may have been applied: sending it again is the caller's decision
			// (the reclaim step checks Salesforce first), so writes are never retried here.
			return callReauthenticatingOnce(request);
		}
		try {
			return this.retryTemplate.execute(new Retryable<@Nullable T>() {

				// Retryable<@Nullable T> allows the null: NullAway checks type arguments only in its JSpecify mode,
				// which needs a newer javac than 17's, so without it this override looks like a widening.
				@SuppressWarnings("NullAway")
				@Override
				public @Nullable T execute() {
					return callReauthenticatingOnce(request);
				}

				@Override
				public String getName() {
					return method + " " + request.pathOnly();
				}

			});
		}
		catch (RetryException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getMessage(), ex.getCause());
		}
	}

	private <T> @Nullable T callReauthenticatingOnce(Request<T> request) {
		Authorization authorization = this.session.authorize();
		try {
			return exchange(request, authorization);
		}
		catch (SalesforceApiException ex) {
			if (ex.getHttpStatus() != 401 || !ex.is("INVALID_SESSION_ID")) {
				throw ex;
			}
			logger.info("Salesforce rejected the session of profile '{}'; authenticating again", this.profile);
			this.session.invalidateAccessToken(authorization);
			return exchange(request, this.session.authorize());
		}
	}

	private <T> @Nullable T exchange(Request<T> request, Authorization authorization) {
		this.gate.enter();
		try {
			this.budget.reserveCall();
			try {
				return send(request, authorization);
			}
			finally {
				this.budget.endCall();
			}
		}
		catch (SalesforceApiException ex) {
			if (ex.isConcurrentRequestLimit()) {
				this.gate.narrow();
			}
			throw ex;
		}
		finally {
			this.gate.leave();
		}
	}

	private <T> @Nullable T send(Request<T> request, Authorization authorization) {
		URI uri = URI.create(authorization.instanceUrl() + request.pathAndQuery());
		RestClient.RequestBodySpec spec = this.restClient.method(request.method())
			.uri(uri)
			.headers((headers) -> {
				headers.setBearerAuth(authorization.accessToken().reveal());
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
				request.headers().forEach(headers::set);
			});
		if (request.body() != null) {
			spec.contentType(MediaType.APPLICATION_JSON).body(request.body());
		}
		// ExchangeFunction<@Nullable T> allows the null: NullAway checks type arguments only in its JSpecify mode,
		// which needs a newer javac than 17's, so without it this lambda looks like it breaks a non-null contract.
		@SuppressWarnings("NullAway")
		RestClient.RequestHeadersSpec.ExchangeFunction<@Nullable T> reader = (httpRequest, response) -> read(
				response.getStatusCode().value(), response.getHeaders(), response.getBody(), request.answer());
		try {
			return spec.exchange(reader, true);
		}
		catch (ResourceAccessException ex) {
			if (isReadTimeout(ex)) {
				// The org may still be working on it: the same request is sent twice at most (a query that keeps
				// timing out is narrowed by its caller instead of repeated).
				throw SalesforceApiException.readTimeout(request.method() + " " + uri.getScheme() + "://" + uri.getAuthority()
						+ request.pathOnly(), ex,
						request.readTimeouts().incrementAndGet() < 2);
			}
			throw SalesforceApiException.ioFailure(request.method() + " " + uri.getScheme() + "://" + uri.getAuthority()
					+ request.pathOnly(), ex);
		}
	}

	private static boolean isReadTimeout(ResourceAccessException ex) {
		Throwable cause = ex.getCause();
		return (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException))
				|| (cause instanceof SocketTimeoutException && "Read timed out".equals(cause.getMessage()));
	}

	private <T> @Nullable T read(int status, HttpHeaders headers, InputStream body, AnswerReader<T> answer)
			throws IOException {
		this.budget.recordLimitInfo(headers.getFirst(LIMIT_INFO_HEADER));
		if (status >= 400) {
			throw SalesforceErrors.fromResponse(status, body.readAllBytes(), this.json);
		}
		try {
			return answer.read(body);
		}
		catch (JacksonException ex) {
			throw SalesforceApiException.unreadable(status,
					"Salesforce answered HTTP " + status + " with malformed JSON: " + ex.getOriginalMessage());
		}
	}

	private @Nullable JsonNode tree(InputStream answer) throws IOException {
		byte[] body = answer.readAllBytes();
		return (body.length == 0) ? null : this.json.readTree(body);
	}

	private static RetryPolicy retryPolicy(RetrySettings settings) {
		// Spring's policy wants positive delays; zero settings mean "as soon as possible".
		Duration delay = max(settings.initialBackoff(), Duration.ofMillis(1));
		RetryPolicy.Builder builder = RetryPolicy.builder()
			.maxRetries(settings.maxAttempts() - 1)
			.delay(delay)
			.maxDelay(max(settings.maxBackoff(), delay))
			.multiplier(2)
			.predicate((failure) -> failure instanceof SalesforceApiException api && api.isRetryable());
		Duration jitter = settings.initialBackoff().dividedBy(2);
		if (!jitter.isZero()) {
			builder.jitter(jitter);
		}
		return builder.build();
	}

	private static Duration max(Duration one, Duration other) {
		return (one.compareTo(other) >= 0) ? one : other;
	}

	/** Reads the body of a successful answer; {@code null} for none. */
	@FunctionalInterface
	interface AnswerReader<T> {

		@Nullable T read(InputStream body) throws IOException;

	}

	/** One call as the caller asked for it, resent unchanged on retry. */
	private record Request<T>(HttpMethod method, String pathAndQuery, byte @Nullable [] body,
			Map<String, String> headers, AnswerReader<T> answer, AtomicInteger readTimeouts) {

		/** The path without its query string: SOQL stays out of retry logs. */
		String pathOnly() {
			int query = pathAndQuery.indexOf('?');
			return (query < 0) ? pathAndQuery : pathAndQuery.substring(0, query);
		}

	}

	/** Says in the log why a call is tried again; names the error code, never the request or its credentials. */
	private record LoggingRetryListener(String profile) implements RetryListener {

		@Override
		public void onRetryFailure(RetryPolicy policy, Retryable<?> retryable, Throwable failure) {
			if (failure instanceof SalesforceApiException api && api.isRetryable()) {
				logger.warn("Profile '{}': {} failed with {} (HTTP {}); retrying", profile, retryable.getName(),
						api.getErrorCode(), api.getHttpStatus());
			}
		}

	}

}
