package dev.seatkeeper.salesforce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;

/**
 * A query that pages by key instead of by query locator, so it restarts exactly and survives expired locators:
 * {@code SELECT <fields> FROM <Object> WHERE (<filter>) AND Id > '<last>' ORDER BY Id LIMIT n}, or for a compound key
 * {@code WHERE (<filter>) AND (LoginTime > t OR (LoginTime = t AND Id > '<last>')) ORDER BY LoginTime, Id LIMIT n}.
 * Keys are written as escaped literals; the filter is SOQL written by code, whose values must come from
 * {@link Soql#quote(String)} and {@link Soql#literal}. Immutable.
 */
public final class KeyedQuery {

	private final String object;

	private final List<String> fields;

	private final @Nullable String timeField;

	private final @Nullable String filter;

	private final int limit;

	private KeyedQuery(String object, List<String> fields, @Nullable String timeField, @Nullable String filter,
			int limit) {
		Assert.isTrue(limit > 0, "'limit' must be positive");
		this.object = Soql.identifier(object);
		this.timeField = (timeField != null) ? Soql.identifier(timeField) : null;
		this.fields = withKeyFields(fields, this.timeField);
		this.filter = (filter != null && !filter.isBlank()) ? filter : null;
		this.limit = limit;
	}

	/** Paged by {@code Id}. */
	public static KeyedQuery byId(String object, List<String> fields, @Nullable String filter, int limit) {
		return new KeyedQuery(object, fields, null, filter, limit);
	}

	/** Paged by a time field then {@code Id}, e.g. {@code LoginTime} of {@code LoginHistory}. */
	public static KeyedQuery byTimeAndId(String object, List<String> fields, String timeField,
			@Nullable String filter, int limit) {
		Assert.hasText(timeField, "'timeField' must not be empty");
		return new KeyedQuery(object, fields, timeField, filter, limit);
	}

	/** The SOQL for the rows after a key, or from the start when {@code after} is {@code null}. */
	public String soql(@Nullable Key after) {
		List<String> conditions = new ArrayList<>();
		if (this.filter != null) {
			conditions.add("(" + this.filter + ")");
		}
		if (after != null) {
			conditions.add(afterCondition(after));
		}
		StringBuilder soql = new StringBuilder("SELECT ").append(String.join(", ", this.fields))
			.append(" FROM ")
			.append(this.object);
		if (!conditions.isEmpty()) {
			soql.append(" WHERE ").append(String.join(" AND ", conditions));
		}
		soql.append(" ORDER BY ").append((this.timeField != null) ? this.timeField + ", Id" : "Id");
		return soql.append(" LIMIT ").append(this.limit).toString();
	}

	/** The key of a record this query returned. */
	public Key keyOf(JsonNode record) {
		String id = SalesforceRecords.text(record, "Id");
		Assert.state(id != null, "a keyed query record has no Id");
		if (this.timeField == null) {
			return Key.id(id);
		}
		Instant time = SalesforceRecords.instant(record, this.timeField);
		Assert.state(time != null, () -> "a keyed query record has no " + this.timeField);
		return Key.of(time, id);
	}

	public int limit() {
		return this.limit;
	}

	private String afterCondition(Key after) {
		String id = Soql.quote(after.id());
		if (this.timeField == null) {
			return "Id > " + id;
		}
		Assert.notNull(after.time(), "a compound keyed query needs a key with a time");
		String time = Soql.literal(after.time());
		// Same rows as "t > T OR (t = T AND Id > x)", written with a plain lower bound first so the
		// server can seek to T instead of scanning from the start of the history on every page.
		return this.timeField + " >= " + time + " AND (" + this.timeField + " > " + time + " OR Id > " + id + ")";
	}

	private static List<String> withKeyFields(List<String> fields, @Nullable String timeField) {
		List<String> all = new ArrayList<>();
		all.add("Id");
		if (timeField != null) {
			all.add(timeField);
		}
		for (String field : fields) {
			if (all.stream().noneMatch(field::equalsIgnoreCase)) {
				all.add(Soql.identifier(field));
			}
		}
		return List.copyOf(all);
	}

}
