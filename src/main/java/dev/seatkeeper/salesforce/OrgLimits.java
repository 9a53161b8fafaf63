package dev.seatkeeper.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The org's limits as {@code /limits} reports them ({@code DailyApiRequests}, {@code DataStorageMB}, ...), by name.
 */
public record OrgLimits(Map<String, Limit> limits) {

	static OrgLimits from(JsonNode answer) {
		Map<String, Limit> limits = new LinkedHashMap<>();
		answer.properties().forEach((entry) -> {
			JsonNode value = entry.getValue();
			if (value.has("Max") && value.has("Remaining")) {
				limits.put(entry.getKey(), new Limit(value.path("Max").asLong(), value.path("Remaining").asLong()));
			}
		});
		return new OrgLimits(Map.copyOf(limits));
	}

	public Optional<Limit> get(String name) {
		return Optional.ofNullable(limits.get(name));
	}

	/** {@code DailyApiRequests}, which every org reports. */
	public Limit dailyApiRequests() {
		return get("DailyApiRequests").orElseThrow(() -> SalesforceApiException.unreadable(200,
				"/limits reports no DailyApiRequests"));
	}

	/** One limit: its maximum and what remains of it. */
	public record Limit(long max, long remaining) {

		public long used() {
			return max - remaining;
		}

	}

}
