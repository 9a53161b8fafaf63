package dev.seatkeeper.sandbox.soql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.seatkeeper.sandbox.soql.SoqlSchema.FieldType;

/** A two-object schema and map-backed records, enough to exercise every construct of the SOQL subset. */
final class TestOrg {

	static final SoqlSchema SCHEMA = new MapSchema(Map.of("user",
			Map.ofEntries(Map.entry("id", FieldType.ID), Map.entry("name", FieldType.STRING),
					Map.entry("isactive", FieldType.BOOLEAN), Map.entry("lastlogindate", FieldType.DATETIME),
					Map.entry("startdate__c", FieldType.DATE), Map.entry("logins__c", FieldType.INTEGER),
					Map.entry("score__c", FieldType.DOUBLE), Map.entry("profile.name", FieldType.STRING),
					Map.entry("profile.userlicense.licensedefinitionkey", FieldType.STRING)),
			"loginhistory", Map.of("id", FieldType.ID, "userid", FieldType.ID, "logintime", FieldType.DATETIME,
					"status", FieldType.STRING)));

	private TestOrg() {
	}

	static SoqlQuery parse(String soql) {
		return SoqlParser.parse(soql, SCHEMA);
	}

	/** A record from alternating field names and values; names are matched case-insensitively, as the store does. */
	static SoqlRecord record(Object... namesAndValues) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			values.put(((String) namesAndValues[i]).toLowerCase(Locale.ROOT), namesAndValues[i + 1]);
		}
		return new MapRecord(values);
	}

	/** The names of the records the query keeps, in the query's order when it has one. */
	static List<Object> namesMatching(SoqlQuery query, SoqlRecord... records) {
		var stream = java.util.Arrays.stream(records).filter(query::matches);
		if (query.ordering().isPresent()) {
			stream = stream.sorted(query.ordering().get());
		}
		return stream.<@Nullable Object>map((record) -> record.value("Name")).toList();
	}

	private record MapSchema(Map<String, Map<String, FieldType>> objects) implements SoqlSchema {

		@Override
		public @Nullable FieldType typeOf(String objectName, String path) {
			return this.objects.getOrDefault(objectName.toLowerCase(Locale.ROOT), Map.of())
				.get(path.toLowerCase(Locale.ROOT));
		}

		@Override
		public boolean hasObject(String objectName) {
			return this.objects.containsKey(objectName.toLowerCase(Locale.ROOT));
		}

	}

	private record MapRecord(Map<String, Object> values) implements SoqlRecord {

		@Override
		public @Nullable Object value(String path) {
			return this.values.get(path.toLowerCase(Locale.ROOT));
		}

	}

}
