package dev.seatkeeper.salesforce;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One page of a SOQL query answer. Pages hold as many records as Salesforce chose to send, possibly fewer than the
 * batch size asked for; {@code nextRecordsUrl} leads to the next page until {@code done}.
 *
 * @param totalSize the number of rows the whole query matches (for {@code COUNT()} the count itself)
 * @param nextRecordsUrl a path on the instance URL, {@code null} on the last page
 */
public record QueryPage(long totalSize, boolean done, @Nullable String nextRecordsUrl, List<JsonNode> records) {

	/**
	 * Reads a page as it arrives. Salesforce writes {@code nextRecordsUrl} before the records, so
	 * {@code onNextRecordsUrl} hears of the next page while this one's records are still on their way: a caller
	 * can ask for it at once instead of after the last record.
	 */
	static QueryPage read(ObjectMapper json, InputStream body, Consumer<String> onNextRecordsUrl) {
		try (JsonParser parser = json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw SalesforceApiException.unreadable(200, "a query answer is not a JSON object");
			}
			long totalSize = 0;
			@Nullable Boolean done = null;
			@Nullable String next = null;
			List<JsonNode> records = new ArrayList<>();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (name) {
					case "totalSize" -> totalSize = parser.getValueAsLong(0);
					case "done" -> done = (value == JsonToken.VALUE_TRUE);
					case "nextRecordsUrl" -> {
						next = (value == JsonToken.VALUE_STRING) ? parser.getString() : null;
						if (next != null && !Boolean.TRUE.equals(done)) {
							onNextRecordsUrl.accept(next);
						}
					}
					case "records" -> readRecords(parser, records);
					default -> parser.skipChildren();
				}
			}
			boolean finished = (done == null) || done;
			return new QueryPage(totalSize, finished, finished ? null : next, List.copyOf(records));
		}
	}

	private static void readRecords(JsonParser parser, List<JsonNode> records) {
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			parser.skipChildren();
			return;
		}
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			if (token == null) {
				throw SalesforceApiException.unreadable(200, "a query answer ends inside its records");
			}
			if (token == JsonToken.START_OBJECT) {
				records.add(parser.readValueAsTree());
			}
			else {
				parser.skipChildren();
			}
		}
	}

	public boolean hasNext() {
		return !done && nextRecordsUrl != null;
	}

}
