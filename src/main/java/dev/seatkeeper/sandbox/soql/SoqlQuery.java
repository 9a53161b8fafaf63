package dev.seatkeeper.sandbox.soql;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed query of the SOQL subset the sandbox serves:
 * {@code SELECT fields | COUNT() FROM Object [WHERE expr] [GROUP BY f, ...] [HAVING expr]
 * [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n]}, where fields may include the aggregate functions
 * {@code MAX}, {@code MIN} and {@code COUNT} with an optional alias.
 * WHERE supports AND / OR / NOT / parentheses, = != <> < <= > >=, IN / NOT IN (...), LIKE, null, and string, number,
 * boolean, date and datetime literals. Keywords are case-insensitive. Immutable and thread-safe.

 * Obtained from {@code SoqlParser.parse(soql, schema)}.
 */
public interface SoqlQuery {

	/** The object after FROM, as written. */
	String objectName();

	/** The selected field paths as written (e.g. {@code Profile.UserLicense.Name}); empty for {@code COUNT()}. */
	List<String> fields();

	/** Whether this is a {@code SELECT COUNT() FROM ...} query. */
	boolean isCount();

	/**
	 * Whether this is an aggregate query (an aggregate function is selected, or it has GROUP BY): its rows are
	 * AggregateResult rows, one per group, named by {@link #fields()} (grouped fields, then aliases such as
	 * {@code expr0}, in select order).
	 */
	default boolean isAggregate() {
		return false;
	}

	/** The aggregate functions to compute, selected ones first; empty for a plain query. */
	default List<Aggregate> aggregates() {
		return List.of();
	}

	/** The GROUP BY fields as written; empty without GROUP BY. */
	default List<String> groupBy() {
		return List.of();
	}

	/** Whether a group row satisfies the HAVING clause (always true without one). */
	default boolean having(SoqlRecord group) {
		return true;
	}

	/** Whether the record satisfies the WHERE clause (always true without one). */
	boolean matches(SoqlRecord record);

	/** The ORDER BY ordering, empty without one (Salesforce then gives no order guarantee). */
	Optional<Comparator<SoqlRecord>> ordering();

	/**
	 * The field of an ORDER BY that is a single ascending field ({@code ORDER BY LastModifiedById}), so a store that
	 * keeps records in that field's order can answer a LIMIT without sorting; empty for any other ordering.
	 */
	default Optional<String> ascendingOrderField() {
		return Optional.empty();
	}

	/** The LIMIT, if any. */
	OptionalInt limit();

	/**
	 * The tightest lower bound on a field implied by the top-level AND conjuncts of the WHERE clause
	 * ({@code Id > '005...'}, {@code LoginTime >= 2026-01-01T00:00:00Z}), so a store sorted by that field can
	 * start with a binary search instead of a scan. Empty when no such conjunct exists. Matching still has to
	 * call {@link #matches}: the bound is only a hint.
	 */
	Optional<Bound> lowerBound(String field);

	/** Like {@link #lowerBound}, the tightest upper bound on a field ({@code <}, {@code <=}, {@code =}). */
	Optional<Bound> upperBound(String field);

	/** A literal bound: the value as the record would give it ({@code String}, {@code Instant}, ...). */
	record Bound(Object value, boolean inclusive) {
	}

}
