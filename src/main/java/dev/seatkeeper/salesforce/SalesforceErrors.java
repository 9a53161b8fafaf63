package dev.seatkeeper.salesforce;

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
		if (first != null) {
			return SalesforceApiException.fromResponse(status, json.treeToValue(first, SalesforceError.class));
		}
		String code = "HTTP_" + status;
		return new SalesforceApiException(code, status, status >= 500, "Salesforce answered HTTP " + status
				+ " without a Salesforce error body", null);
	}

	private static JsonNode firstError(byte[] body, JsonMapper json) {
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
