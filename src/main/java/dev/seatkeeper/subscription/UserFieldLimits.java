package dev.seatkeeper.subscription;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.seatkeeper.salesforce.SalesforceRecords;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a User record may hold to be stored: Salesforce's own field lengths, counted in Unicode characters (code
 * points) as Salesforce and MySQL's utf8mb4 count them — not UTF-16 units, in which an emoji is two — and
 * times within a DATETIME column's years. The {@code sf_user} columns are wider than these limits in either count, so
 * H2 and MySQL accept exactly the values that pass here. Stateless and thread-safe.
 */
final class UserFieldLimits {

	/** User field lengths from Salesforce's field reference (Name: "Limited to 121 characters"). */
	static final Map<String, Integer> LENGTHS = Map.of("Id", 18, "Username", 80, "Email", 128, "Name", 121, "UserType",
			40, "Profile.Name", 255, "Profile.UserLicense.LicenseDefinitionKey", 64);

	private static final int FIRST_YEAR = 1000;

	private static final int LAST_YEAR = 9999;

	private UserFieldLimits() {
	}

	/** The text at a path, with a problem recorded when it is longer than Salesforce allows. */
	static @Nullable String text(JsonNode record, String field, Consumer<Unstorable> problems) {
		String value = SalesforceRecords.text(record, field);
		Integer limit = LENGTHS.get(field);
		if (value != null && limit != null) {
			int characters = value.codePointCount(0, value.length());
			if (characters > limit) {
				problems.accept(new Unstorable(field, field + " is " + characters + " characters long; Salesforce allows "
						+ limit));
			}
		}
		return value;
	}

	/** The time at a path, or null with a problem recorded when it is not a time a DATETIME column can hold. */
	static @Nullable Instant time(JsonNode record, String field, Consumer<Unstorable> problems) {
		String text = SalesforceRecords.text(record, field);
		Instant instant;
		try {
			instant = SalesforceRecords.parseInstant(text);
		}
		catch (DateTimeException ex) {
			problems.accept(new Unstorable(field, field + " is not a Salesforce date and time (" + ex.getMessage() + ")"));
			return null;
		}
		if (instant != null) {
			int year = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).getYear();
			if (year < FIRST_YEAR || year > LAST_YEAR) {
				problems.accept(new Unstorable(field, field + " is in the year " + year + ", outside the years "
						+ FIRST_YEAR + " to " + LAST_YEAR + " a database can store"));
				return null;
			}
		}
		return instant;
	}

	/** A problem for a required field that is absent. */
	static void require(@Nullable String value, String field, List<Unstorable> problems) {
		if (value == null || value.isEmpty()) {
			problems.add(new Unstorable(field, field + " is empty"));
		}
	}

}
