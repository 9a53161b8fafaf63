package dev.seatkeeper.sandbox.soql;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * The immutable result of {@link SoqlParser#parse}: the WHERE clause as a tree of {@link Condition}s, the ORDER BY
 * as a comparator, and the top-level AND conjuncts kept aside so the store can ask for key bounds.
 * <p>
 * Bound values have the record's value type: {@code String} for Id and string fields, {@code Instant} for datetime,
 * {@code LocalDate} for date, {@code Boolean} for boolean, and always {@code BigDecimal} for integer and double
 * fields (a literal such as {@code 2.5} may bound an integer field).
 */
final class ParsedQuery implements SoqlQuery {

	private final String source;

	private final String objectName;

	private final List<String> fields;

	private final boolean count;

	private final @Nullable Condition where;

	private final List<FieldComparison> topLevelComparisons;

	private final @Nullable Comparator<SoqlRecord> ordering;

	private final int limit;

	private final List<Aggregate> aggregates;

	private final List<String> groupBy;

	private final @Nullable Condition having;

	ParsedQuery(String source, String objectName, List<String> fields, boolean count, @Nullable Condition where,
			List<FieldComparison> topLevelComparisons, @Nullable Comparator<SoqlRecord> ordering, int limit) {
		this(source, objectName, fields, count, where, topLevelComparisons, ordering, limit, List.of(), List.of(),
				null);
	}

	ParsedQuery(String source, String objectName, List<String> fields, boolean count, @Nullable Condition where,
			List<FieldComparison> topLevelComparisons, @Nullable Comparator<SoqlRecord> ordering, int limit,
			List<Aggregate> aggregates, List<String> groupBy, @Nullable Condition having) {
		this.aggregates = List.copyOf(aggregates);
		this.groupBy = List.copyOf(groupBy);
		this.having = having;
		this.source = source;
		this.objectName = objectName;
		this.fields = List.copyOf(fields);
		this.count = count;
		this.where = where;
		this.topLevelComparisons = List.copyOf(topLevelComparisons);
		this.ordering = ordering;
		this.limit = limit;
	}

	@Override
	public String objectName() {
		return this.objectName;
	}

	@Override
	public List<String> fields() {
		return this.fields;
	}

	@Override
	public boolean isCount() {
		return this.count;
	}

	@Override
	public boolean isAggregate() {
		return !this.aggregates.isEmpty() || !this.groupBy.isEmpty();
	}

	@Override
	public List<Aggregate> aggregates() {
		return this.aggregates;
	}

	@Override
	public List<String> groupBy() {
		return this.groupBy;
	}

	@Override
	public boolean having(SoqlRecord group) {
		return this.having == null || this.having.test(group);
	}

	@Override
	public boolean matches(SoqlRecord record) {
		return this.where == null || this.where.test(record);
	}

	@Override
	public Optional<Comparator<SoqlRecord>> ordering() {
		return Optional.ofNullable(this.ordering);
	}

	@Override
	public Optional<String> ascendingOrderField() {
		return (this.ordering instanceof OrderItem item && !item.descending()) ? Optional.of(item.path())
				: Optional.empty();
	}

	@Override
	public OptionalInt limit() {
		return (this.limit < 0) ? OptionalInt.empty() : OptionalInt.of(this.limit);
	}

	@Override
	public Optional<Bound> lowerBound(String field) {
		return tightestBound(field, true);
	}

	@Override
	public Optional<Bound> upperBound(String field) {
		return tightestBound(field, false);
	}

	/**
	 * The tightest of the conjuncts that bound the field on one side: the greatest lower or least upper value, and
	 * on equal values the exclusive one.
	 */
	private Optional<Bound> tightestBound(String field, boolean lower) {
		FieldComparison tightest = null;
		for (FieldComparison comparison : this.topLevelComparisons) {
			boolean bounds = lower ? comparison.operator().boundsBelow() : comparison.operator().boundsAbove();
			if (bounds && comparison.literal() != null && comparison.path().equalsIgnoreCase(field)
					&& (tightest == null || isTighter(comparison, tightest, lower))) {
				tightest = comparison;
			}
		}
		return Optional.ofNullable(tightest)
			.map((comparison) -> new Bound(boundValue(literalOf(comparison)), comparison.operator().isInclusive()));
	}

	/** The literal of a comparison tightestBound kept: it keeps only those with one. */
	private static Object literalOf(FieldComparison comparison) {
		return Objects.requireNonNull(comparison.literal(), "bounds are comparisons with a literal");
	}

	private static boolean isTighter(FieldComparison candidate, FieldComparison current, boolean lower) {
		int comparison = candidate.order().compare(literalOf(candidate), literalOf(current));
		if (comparison == 0) {
			return !candidate.operator().isInclusive();
		}
		return lower ? comparison > 0 : comparison < 0;
	}

	private static Object boundValue(Object literal) {
		return (literal instanceof Number number) ? ValueOrder.toBigDecimal(number) : literal;
	}

	/** The query text as it was parsed, so logs of the sandbox show what a client asked. */
	@Override
	public String toString() {
		return this.source;
	}

}
