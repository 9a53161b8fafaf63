package dev.seatkeeper.sandbox.query;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.seatkeeper.sandbox.soql.SoqlRecord;
import org.jspecify.annotations.Nullable;

/**
 * One row of an aggregate query's answer (Salesforce's {@code AggregateResult}): the grouped fields' values and the
 * aggregates' values, by column name for the JSON and by key ({@code MAX(lastmodifieddate)}) for HAVING and ORDER
 * BY. Immutable once built.
 */
public final class GroupRow implements SoqlRecord {

	/** Column name as the answer spells it, to value, in select order. */
	private final Map<String, @Nullable Object> columns = new LinkedHashMap<>();

	/** Lower-case column names, grouped field names and aggregate keys, to value. */
	private final Map<String, @Nullable Object> lookup = new HashMap<>();

	void column(String name, @Nullable Object value) {
		this.columns.put(name, value);
		this.lookup.put(name.toLowerCase(Locale.ROOT), value);
	}

	void hidden(String key, @Nullable Object value) {
		this.lookup.putIfAbsent(key.toLowerCase(Locale.ROOT), value);
	}

	/** The selected columns in select order. */
	public Map<String, @Nullable Object> columns() {
		return this.columns;
	}

	@Override
	public @Nullable Object value(String path) {
		return this.lookup.get(path.toLowerCase(Locale.ROOT));
	}

}
