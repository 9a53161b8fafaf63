package dev.seatkeeper.salesforce;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an error response into one {@link SalesforceApiException}. Salesforce answers errors as an array
 * {@code [{"errorCode":...,"message":...}]}; a body that is not (a proxy's HTML page, an empty 503) still gives an
 * exception with the HTTP status, retryable when the status is 5xx.
 */
final class SalesforceErrors {

	private SalesforceErrors() {
	}

	static SalesforceApiException fromResponse(int status, byte[] body, JsonMapper json) {
		JsonNode first = firstError(body, json);
		if (status == 410) {
			return retiredApiVersion(first);
		}
		if (first != null) {
			return SalesforceApiException.fromResponse(status, json.treeToValue(first, SalesforceError.class));
		}
		String code = "HTTP_" + status;
		return new SalesforceApiException(code, status, status >= 500, "Salesforce answered HTTP " + status
				+ " without a Salesforce error body", null);
	}

	/** Salesforce answers every call made with a retired API version 410 GONE; only a profile change helps. */
	private static SalesforceApiException retiredApiVersion(@Nullable JsonNode first) {
		String code = (first != null) ? first.path("errorCode").asString("GONE") : "GONE";
		String reason = (first != null) ? first.path("message").asString("") : "";
		return new SalesforceApiException(code, 410, false, "Salesforce no longer serves this API version"
				+ (reason.isEmpty() ? "" : " (" + reason + ")") + "; set salesforce.apiVersion in the profile to "
				+ SalesforceConnection.DEFAULT_API_VERSION + " or leave it out for the default", null);
	}

	private static @Nullable JsonNode firstError(byte[] body, JsonMapper json) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode tree = json.readTree(body);
			JsonNode first = tree.isArray() ? tree.path(0) : tree;
			return (first.has("errorCode") || first.has("statusCode")) ? first : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
