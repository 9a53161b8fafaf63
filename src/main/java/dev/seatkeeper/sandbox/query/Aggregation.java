package dev.seatkeeper.sandbox.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.seatkeeper.sandbox.org.OrgRecord;
import dev.seatkeeper.sandbox.soql.Aggregate;
import dev.seatkeeper.sandbox.soql.SoqlException;
import dev.seatkeeper.sandbox.soql.SoqlQuery;
import org.jspecify.annotations.Nullable;

/**
 * Groups matching records and computes an aggregate query's rows, then applies HAVING, ORDER BY and LIMIT. As
 * Salesforce does, an aggregate answer is never paged: more than {@value #MAX_GROUPS} rows after LIMIT is refused
 * with {@code EXCEEDED_ID_LIMIT} ("Aggregate query does not support queryMore(), use LIMIT to restrict the results
 * to a single batch"), so a client must narrow its filter or page by key with a LIMIT. Not thread-safe: one per query.
 */
final class Aggregation {

	/** The most rows one aggregate answer may hold: one batch, which cannot be continued. */
	static final int MAX_GROUPS = 2000;

	static final String TOO_MANY_GROUPS = "Aggregate query does not support queryMore(), use LIMIT to restrict the"
			+ " results to a single batch";

	private final SoqlQuery query;

	private final Map<List<@Nullable Object>, Object[]> groups = new LinkedHashMap<>();

	Aggregation(SoqlQuery query) {
		this.query = query;
	}

	/** Groups that satisfy HAVING and can grow no more, when records come in group order ({@link #addInOrder}). */
	private int settled;

	private @Nullable List<@Nullable Object> open;

	void add(OrgRecord record) {
		add(record, key(record));
	}

	/**
	 * Adds a record that comes in group-key order and answers how many groups before its own are complete and
	 * satisfy HAVING, so a scan in that order can stop once LIMIT rows are settled. The record is not added when
	 * {@code stopAt} groups are already settled.
	 */
	int addInOrder(OrgRecord record, int stopAt) {
		List<@Nullable Object> key = key(record);
		if (this.open != null && !this.open.equals(key)) {
			Object[] values = Objects.requireNonNull(this.groups.get(this.open), "the open group is added");
			if (this.query.having(row(this.open, values))) {
				this.settled++;
			}
			if (this.settled >= stopAt) {
				return this.settled;
			}
		}
		this.open = key;
		add(record, key);
		return this.settled;
	}

	private List<@Nullable Object> key(OrgRecord record) {
		List<@Nullable Object> key = new ArrayList<>(this.query.groupBy().size());
		for (String field : this.query.groupBy()) {
			key.add(record.value(field));
		}
		return key;
	}

	private void add(OrgRecord record, List<@Nullable Object> key) {
		Object[] values = this.groups.computeIfAbsent(key, (k) -> initial());
		List<Aggregate> aggregates = this.query.aggregates();
		for (int i = 0; i < aggregates.size(); i++) {
			values[i] = accumulate(aggregates.get(i), values[i], record.value(aggregates.get(i).field()));
		}
	}

	private Object[] initial() {
		Object[] values = new Object[this.query.aggregates().size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = "COUNT".equals(this.query.aggregates().get(i).function()) ? 0 : null;
		}
		return values;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static @Nullable Object accumulate(Aggregate aggregate, @Nullable Object current, @Nullable Object value) {
		if (value == null) {
			return current;
		}
		return switch (aggregate.function()) {
			case "COUNT" -> (Integer) Objects.requireNonNull(current, "COUNT starts at 0") + 1;
			case "MAX" -> (current == null || ((Comparable) value).compareTo(current) > 0) ? value : current;
			default -> (current == null || ((Comparable) value).compareTo(current) < 0) ? value : current;
		};
	}

	/** The answer's rows; a query without GROUP BY has exactly one, even over no records. */
	List<GroupRow> rows() {
		if (this.query.groupBy().isEmpty() && this.groups.isEmpty()) {
			this.groups.put(List.of(), initial());
		}
		List<GroupRow> rows = new ArrayList<>();
		for (Map.Entry<List<@Nullable Object>, Object[]> group : this.groups.entrySet()) {
			GroupRow row = row(group.getKey(), group.getValue());
			if (this.query.having(row)) {
				rows.add(row);
			}
		}
		this.query.ordering().ifPresent(rows::sort);
		List<GroupRow> limited = rows.subList(0, Math.min(rows.size(), this.query.limit().orElse(Integer.MAX_VALUE)));
		if (limited.size() > MAX_GROUPS) {
			throw new SoqlException("EXCEEDED_ID_LIMIT", TOO_MANY_GROUPS);
		}
		return List.copyOf(limited);
	}

	private GroupRow row(List<@Nullable Object> key, Object[] values) {
		GroupRow row = new GroupRow();
		List<Aggregate> aggregates = this.query.aggregates();
		for (String column : this.query.fields()) {
			int grouped = indexOfIgnoreCase(this.query.groupBy(), column);
			if (grouped >= 0) {
				row.column(column, key.get(grouped));
			}
			else {
				for (int i = 0; i < aggregates.size(); i++) {
					if (column.equals(aggregates.get(i).alias())) {
						row.column(column, values[i]);
					}
				}
			}
		}
		for (int i = 0; i < key.size(); i++) {
			row.hidden(this.query.groupBy().get(i), key.get(i));
		}
		for (int i = 0; i < aggregates.size(); i++) {
			row.hidden(aggregates.get(i).key(), values[i]);
		}
		return row;
	}

	private static int indexOfIgnoreCase(List<String> names, String name) {
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).equalsIgnoreCase(name)) {
				return i;
			}
		}
		return -1;
	}

}
