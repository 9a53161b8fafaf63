package dev.seatkeeper.salesforce;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

/**
 * Why a connection failed, in the words an operator acts on: the name does not resolve (DNS), nothing listens
 * (refused), TLS failed, or no answer came (timeout). Used for Salesforce hosts and for the database alike.
 */
public final class NetworkFailure {

	private NetworkFailure() {
	}

	/** The cause in words, or null when no network failure is among the causes of {@code failure}. */
	public static @Nullable String cause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			String words = words(cause);
			if (words != null) {
				return words;
			}
		}
		return null;
	}

	private static @Nullable String words(Throwable cause) {
		if (cause instanceof UnknownHostException) {
			return "the host name does not resolve (DNS)";
		}
		if (cause instanceof NoRouteToHostException) {
			return "there is no route to the host (network or firewall)";
		}
		if (cause instanceof ConnectException) {
			String message = String.valueOf(cause.getMessage());
			return message.contains("timed out") ? "the connection timed out (host down or a firewall drops it)"
					: "the connection was refused (nothing listens on that port)";
		}
		if (cause instanceof SSLException) {
			return "the TLS handshake failed (" + cause.getMessage() + ")";
		}
		if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
			return "no answer came in time (timeout)";
		}
		return null;
	}

}
