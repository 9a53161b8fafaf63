package dev.seatkeeper.salesforce;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One page of a SOQL query answer. Pages hold as many records as Salesforce chose to send, possibly fewer than the
 * batch size asked for; {@code nextRecordsUrl} leads to the next page until {@code done}.
 *
 * @param totalSize the number of rows the whole query matches (for {@code COUNT()} the count itself)
 * @param nextRecordsUrl a path on the instance URL, {@code null} on the last page
 */
public record QueryPage(long totalSize, boolean done, @Nullable String nextRecordsUrl, List<JsonNode> records) {

	static QueryPage from(JsonNode answer) {
		List<JsonNode> records = new ArrayList<>();
		answer.path("records").forEach(records::add);
		JsonNode next = answer.path("nextRecordsUrl");
		boolean done = answer.path("done").asBoolean(true);
		return new QueryPage(answer.path("totalSize").asLong(0), done,
				(done || next.isMissingNode() || next.isNull()) ? null : next.asString(), List.copyOf(records));
	}

	public boolean hasNext() {
		return !done && nextRecordsUrl != null;
	}

}
