package dev.seatkeeper.salesforce;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Every failure of a Salesforce call, with the Salesforce {@code errorCode}, the HTTP status (0 when no response
 * arrived) and whether trying again can help. The client retries retryable failures itself, a bounded number of
 * times; a step may declare its own retry or skip on {@link #isRetryable()}. Messages never carry secrets.
 */
public class SalesforceApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Codes Salesforce answers for a query that can never succeed as written. */
	private static final Set<String> NOT_RETRYABLE_CODES = Set.of("INVALID_FIELD", "MALFORMED_QUERY",
			"INVALID_TYPE", "REQUEST_LIMIT_EXCEEDED", "INVALID_QUERY_FILTER_OPERATOR", "INVALID_QUERY_LOCATOR");

	private final String errorCode;

	private final int httpStatus;

	private final boolean retryable;

	public SalesforceApiException(String errorCode, int httpStatus, boolean retryable, String message,
			@Nullable Throwable cause) {
		super(errorCode + " (HTTP " + httpStatus + "): " + message, cause);
		this.errorCode = errorCode;
		this.httpStatus = httpStatus;
		this.retryable = retryable;
	}

	/** Never null: the constructor always builds one from the code, the HTTP status and the message. */
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage(), "the constructor always passes a message");
	}

	/** Salesforce's message when too many long-running requests are in flight (not the daily limit). */
	static final String CONCURRENT_REQUESTS = "ConcurrentRequests";

	/** The code of a read that got no answer within the read timeout. */
	public static final String READ_TIMEOUT = "READ_TIMEOUT";

	/**
	 * An error answered by Salesforce; 5xx is retryable unless its code says otherwise, and so is a refusal for too
	 * many concurrent requests (a later call, with fewer in flight, is served).
	 */
	public static SalesforceApiException fromResponse(int httpStatus, SalesforceError error) {
		String code = error.code();
		String message = String.valueOf(error.message());
		boolean retryable = (httpStatus >= 500 && !NOT_RETRYABLE_CODES.contains(code))
				|| isConcurrentRequestLimit(code, message);
		return new SalesforceApiException(code, httpStatus, retryable, oneLine(message), null);
	}

	/**
	 * Salesforce's query errors are several lines: the query, a caret line, {@code ERROR at Row:1:Column:12}, then
	 * the reason. Everything that shows a message (the run table, {@code status}, {@code v_runs}, a log line) keeps
	 * one line, often only its start, so the reason comes first and the position after it, on one line.
	 */
	static String oneLine(String message) {
		List<String> lines = message.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		int at = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("ERROR at Row:")) {
				at = i;
			}
		}
		if (at < 0 || at == lines.size() - 1) {
			return String.join(" ", lines);
		}
		String reason = String.join(" ", lines.subList(at + 1, lines.size()));
		String query = lines.subList(0, at).stream().filter((line) -> !line.equals("^")).findFirst().orElse(null);
		return reason + " (" + lines.get(at) + ((query != null) ? " of: " + query : "") + ")";
	}

	/** No usable answer: connection refused, read timeout, reset. Retryable. */
	public static SalesforceApiException ioFailure(String what, Throwable cause) {
		String why = NetworkFailure.cause(cause);
		return new SalesforceApiException("IO_ERROR", 0, true,
				what + " failed: " + ((why != null) ? why : cause.getClass().getSimpleName()), cause);
	}

	/** No answer within the read timeout; retryable only when {@code retryable} (the transport sends a query twice at most). */
	public static SalesforceApiException readTimeout(String what, Throwable cause, boolean retryable) {
		return new SalesforceApiException(READ_TIMEOUT, 0, retryable, what + " got no answer within the read timeout",
				cause);
	}

	/**
	 * {@code REQUEST_LIMIT_EXCEEDED} because too many long-running requests are in flight ("ConcurrentRequests
	 * (Concurrent API Requests) Limit exceeded."), not because the daily limit ("TotalRequests Limit exceeded.") is
	 * spent: fewer requests at once get through, so it is no reason to stop the run.
	 */
	public boolean isConcurrentRequestLimit() {
		return isConcurrentRequestLimit(this.errorCode, getMessage());
	}

	/** Salesforce gave up on the query ({@code QUERY_TIMEOUT}) or no answer came within the read timeout. */
	public boolean isTimeout() {
		return is("QUERY_TIMEOUT") || is(READ_TIMEOUT);
	}

	private static boolean isConcurrentRequestLimit(String code, @Nullable String message) {
		return "REQUEST_LIMIT_EXCEEDED".equals(code) && message != null && message.contains(CONCURRENT_REQUESTS);
	}

	/** An answer we could not read (not JSON, not the documented shape). Not retryable. */
	public static SalesforceApiException unreadable(int httpStatus, String what) {
		return new SalesforceApiException("UNREADABLE_RESPONSE", httpStatus, false, what, null);
	}

	public String getErrorCode() {
		return this.errorCode;
	}

	public int getHttpStatus() {
		return this.httpStatus;
	}

	public boolean isRetryable() {
		return this.retryable;
	}

	/** Whether this is the given Salesforce error code. */
	public boolean is(String code) {
		return this.errorCode.equals(code);
	}

}
