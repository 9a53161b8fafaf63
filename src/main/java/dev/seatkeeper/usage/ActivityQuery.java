package dev.seatkeeper.usage;

import java.time.Instant;

import dev.seatkeeper.salesforce.Soql;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate query family of {@code recordActivity}: per user who created ({@code CREATED}) or was the last to
 * modify ({@code MODIFIED}) records of an object in [from, to), the latest such instant and, when {@code counting},
 * how many records. Paged by group key, as an aggregate answer cannot be continued past one batch of 2,000 groups
 * (Salesforce refuses it with EXCEEDED_ID_LIMIT): {@code ... AND LastModifiedById > 'last' GROUP BY LastModifiedById
 * ORDER BY LastModifiedById LIMIT 2000}, each page a user-Id range of its own, as many pages as the groups need and
 * one more only when the last page is full. Immutable.
 */
record ActivityQuery(String object, Kind kind, Instant from, Instant to, boolean counting) {

	/** The most groups one aggregate answer may hold. */
	static final int GROUP_LIMIT = 2000;

	enum Kind {

		CREATED("CreatedById", "CreatedDate"), MODIFIED("LastModifiedById", "LastModifiedDate");

		final String userField;

		final String timeField;

		Kind(String userField, String timeField) {
			this.userField = userField;
			this.timeField = timeField;
		}

	}

	/** The SOQL for the groups after a user Id, or from the first when {@code after} is {@code null}. */
	String soql(@Nullable String after) {
		String user = this.kind.userField;
		String time = this.kind.timeField;
		return "SELECT " + user + ", MAX(" + time + ")" + (this.counting ? ", COUNT(Id)" : "") + " FROM "
				+ Soql.identifier(this.object) + " WHERE " + time + " >= " + Soql.literal(this.from) + " AND " + time
				+ " < " + Soql.literal(this.to) + ((after != null) ? " AND " + user + " > " + Soql.quote(after) : "")
				+ " GROUP BY " + user + " ORDER BY " + user + " LIMIT " + GROUP_LIMIT;
	}

	/** For the run log and the step's ExecutionContext. */
	String describe() {
		return this.object + " " + this.kind.name().toLowerCase(java.util.Locale.ROOT) + (this.counting ? "+count" : "")
				+ " [" + this.from + ", " + this.to + ")";
	}

}
