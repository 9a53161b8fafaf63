package dev.seatkeeper.reconciliation.report;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of reports: record components in declaration order, nulls kept (a field is always present), dates
 * and instants as ISO-8601 strings, amounts as decimal numbers. The shape is documented in the README ("Reports").
 */
public final class JsonReport {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private JsonReport() {
	}

	public static String of(PositionReport report) {
		return JSON.writeValueAsString(report) + "\n";
	}

	public static String of(PortfolioReport report) {
		return JSON.writeValueAsString(report) + "\n";
	}

}
