package dev.seatkeeper.sandbox.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import dev.seatkeeper.sandbox.org.OrgRecord;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.RecordSource;
import dev.seatkeeper.sandbox.org.SandboxOrg;
import dev.seatkeeper.sandbox.soql.SoqlException;
import dev.seatkeeper.sandbox.soql.SoqlQuery;
import dev.seatkeeper.sandbox.soql.SoqlRecord;
import dev.seatkeeper.sandbox.soql.SoqlSchema;
import org.jspecify.annotations.Nullable;

/**
 * Runs SOQL against the org. Bounds on Id or LoginTime narrow the scan by binary search; an ORDER BY that agrees
 * with the source's own order lets a LIMIT stop the scan early; any other ORDER BY sorts the matches. Deleted rows
 * are skipped unless the caller asked for {@code queryAll}. Thread-safe.
 */
public final class QueryEngine {

	private static final List<String> SORTED_FIELDS = List.of("Id", "LoginTime", "LastModifiedDate");

	private final SandboxOrg org;

	private final BiFunction<String, SoqlSchema, SoqlQuery> parser;

	/** @param parser the SOQL parser ({@code SoqlParser::parse}) */
	public QueryEngine(SandboxOrg org, BiFunction<String, SoqlSchema, SoqlQuery> parser) {
		this.org = org;
		this.parser = parser;
	}

	public QueryResult run(String soql, boolean includeDeleted) {
		return run(soql, includeDeleted, 0);
	}

	/**
	 * Like {@link #run(String, boolean)}, answering {@code QUERY_TIMEOUT} as Salesforce does when a sorted
	 * LoginHistory query has more than {@code sortedScanLimitRows} rows between its bounds (0: no limit): the server
	 * must sort the whole range before the first page, and a wide window runs out of time.
	 */
	public QueryResult run(String soql, boolean includeDeleted, long sortedScanLimitRows) {
		return run(soql, includeDeleted, sortedScanLimitRows, null);
	}

	/**
	 * As {@link #run(String, boolean, long)} in an API version ({@code 62.0}; null: any): an object the version does
	 * not serve yet is INVALID_TYPE, as Salesforce answers.
	 */
	public QueryResult run(String soql, boolean includeDeleted, long sortedScanLimitRows, @Nullable String apiVersion) {
		// Parsed against what the run-as user sees: an object or field it may not see is not there (INVALID_TYPE, INVALID_FIELD).
		SoqlQuery query = this.parser.apply(soql, servedIn(apiVersion, this.org.runAs().schema(this.org)));
		RecordSource source = this.org.source(query.objectName());
		if (source == null) {
			throw SoqlException.invalidType("sObject type '" + query.objectName() + "' is not supported.");
		}
		int from = 0;
		int to = source.size();
		for (String field : SORTED_FIELDS) {
			for (SoqlQuery.Bound bound : query.lowerBound(field).stream().toList()) {
				from = Math.max(from, source.from(field, bound.value(), bound.inclusive()));
			}
			for (SoqlQuery.Bound bound : query.upperBound(field).stream().toList()) {
				to = Math.min(to, source.to(field, bound.value(), bound.inclusive()));
			}
		}
		int limit = query.limit().orElse(Integer.MAX_VALUE);
		Comparator<SoqlRecord> ordering = query.ordering().orElse(null);
		if (sortedScanLimitRows > 0 && ordering != null && source.type() == OrgTypes.LOGIN_HISTORY
				&& to - from > sortedScanLimitRows) {
			throw new SoqlException("QUERY_TIMEOUT", "Your query request was running for too long.");
		}
		if (query.isAggregate()) {
			return QueryResult.aggregate(source.type(), query.fields(),
					aggregate(query, source, from, to, includeDeleted));
		}
		boolean natural = ordering == null || NaturalOrder.holds(ordering, source, from, to);
		int[] positions = scan(query, source, from, to, natural ? limit : Integer.MAX_VALUE, includeDeleted);
		if (natural) {
			int size = Math.min(positions.length, limit);
			return new QueryResult(source.type(), query.fields(), query.isCount(), size,
					(i) -> source.record(positions[i]));
		}
		List<OrgRecord> sorted = new ArrayList<>(positions.length);
		Arrays.stream(positions).forEach((p) -> sorted.add(source.record(p)));
		sorted.sort(ordering);
		List<OrgRecord> limited = sorted.subList(0, Math.min(sorted.size(), limit));
		return new QueryResult(source.type(), query.fields(), query.isCount(), limited.size(), limited::get);
	}

	/**
	 * The rows of an aggregate query. Grouped and ordered by one indexed field with a LIMIT (how a client pages
	 * groups by key), records are read in that field's order from the page's first key and reading stops once LIMIT
	 * groups are complete; the answer is the same as a full scan's (also EXCEEDED_ID_LIMIT past 2,000 groups).
	 */
	private static List<GroupRow> aggregate(SoqlQuery query, RecordSource source, int from, int to,
			boolean includeDeleted) {
		Aggregation aggregation = new Aggregation(query);
		String key = (query.groupBy().size() == 1) ? query.groupBy().get(0) : null;
		RecordSource.KeyOrder order = (key != null && query.limit().isPresent()
				&& query.ascendingOrderField().filter(key::equalsIgnoreCase).isPresent()) ? source.keyOrder(key)
						: null;
		if (order == null) {
			for (int i = from; i < to; i++) {
				OrgRecord record = source.record(i);
				if ((includeDeleted || !record.isDeleted()) && query.matches(record)) {
					aggregation.add(record);
				}
			}
			return aggregation.rows();
		}
		int stopAt = Math.min(query.limit().getAsInt(), Aggregation.MAX_GROUPS + 1);
		String orderKey = Objects.requireNonNull(key, "an order is only made for a key");
		int rank = query.lowerBound(orderKey).map((bound) -> order.from(bound.value(), bound.inclusive())).orElse(0);
		for (; rank < order.size(); rank++) {
			int position = order.position(rank);
			if (position < from || position >= to) {
				continue;
			}
			OrgRecord record = source.record(position);
			if ((includeDeleted || !record.isDeleted()) && query.matches(record)
					&& aggregation.addInOrder(record, stopAt) >= stopAt) {
				break;
			}
		}
		return aggregation.rows();
	}

	/** The schema without the objects the API version does not serve yet. */
	private static SoqlSchema servedIn(@Nullable String apiVersion, SoqlSchema schema) {
		if (apiVersion == null) {
			return schema;
		}
		return new SoqlSchema() {

			@Override
			public @Nullable FieldType typeOf(String objectName, String path) {
				return hasObject(objectName) ? schema.typeOf(objectName, path) : null;
			}

			@Override
			public boolean hasObject(String objectName) {
				return schema.hasObject(objectName)
						&& OrgTypes.ALL.stream().noneMatch((type) -> type.name().equalsIgnoreCase(objectName)
								&& !OrgTypes.servedIn(type, apiVersion));
			}

		};
	}

	private static int[] scan(SoqlQuery query, RecordSource source, int from, int to, int stopAfter,
			boolean includeDeleted) {
		int[] matches = new int[Math.min(Math.max(0, to - from), 1024)];
		int size = 0;
		for (int i = from; i < to && size < stopAfter; i++) {
			OrgRecord record = source.record(i);
			if ((includeDeleted || !record.isDeleted()) && query.matches(record)) {
				if (size == matches.length) {
					matches = Arrays.copyOf(matches, Math.max(16, size * 2));
				}
				matches[size++] = i;
			}
		}
		return Arrays.copyOf(matches, size);
	}

}
