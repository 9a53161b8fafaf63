package dev.seatkeeper.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Salesforce's lengths in characters, column widths where Salesforce's are unknown, dates and numbers a row holds. */
class FieldLimitsTests {

	private static final String EMOJI = "\uD83D\uDE00";

	private final FieldLimits limits = new FieldLimits(Map.of("Application", 64), Map.of("MasterLabel", 255));

	private final List<Unstorable> problems = new ArrayList<>();

	@Test
	void lengthsCountCharactersNotUtf16Units() {
		this.limits.length(EMOJI.repeat(64), "Application", this.problems::add);
		assertThat(this.problems).as("64 characters, 128 UTF-16 units").isEmpty();

		this.limits.length(EMOJI.repeat(65), "Application", this.problems::add);
		this.limits.length("x".repeat(256), "MasterLabel", this.problems::add);
		this.limits.length("x".repeat(1000), "Unchecked", this.problems::add);
		assertThat(this.problems).containsExactly(
				new Unstorable("Application", "Application is 65 characters long; Salesforce allows 64"),
				new Unstorable("MasterLabel", "MasterLabel is 256 characters long; Seatkeeper stores 255"));
	}

	@Test
	void brokenDatesAndNumbersTooLargeForTheirColumnAreProblemsNotExceptions() {
		ObjectNode record = JsonMapper.builder().build().createObjectNode()
			.put("StartDate", "2026-02-30")
			.put("EndDate", "2026-02-28")
			.put("Huge", new BigDecimal("1E+16"))
			.put("Largest", new BigDecimal("9999999999999999.9999"));

		assertThat(FieldLimits.date(record, "StartDate", this.problems::add)).isNull();
		assertThat(FieldLimits.date(record, "EndDate", this.problems::add)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(FieldLimits.decimal(record, "Huge", 20, 4, this.problems::add)).isNull();
		assertThat(FieldLimits.decimal(record, "Largest", 20, 4, this.problems::add))
			.isEqualByComparingTo("9999999999999999.9999");
		assertThat(this.problems).extracting(Unstorable::field).containsExactly("StartDate", "Huge");
		assertThat(this.problems.get(1).reason())
			.isEqualTo("Huge is 1E+16, more than the 16 digits before the point a database column holds");
	}

}
