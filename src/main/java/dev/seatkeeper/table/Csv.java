package dev.seatkeeper.table;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 lines: comma separated, quoted when a field needs it, CRLF line ends. */
public final class Csv {

	private Csv() {
	}

	public static String line(List<String> fields) {
		return fields.stream().map(Csv::quoted).collect(Collectors.joining(",")) + "\r\n";
	}

	private static String quoted(String field) {
		boolean needsQuotes = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
		return needsQuotes ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
	}

}
