package dev.seatkeeper.sandbox.org;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Ground truth about record activity, computed from the org's CRM records: per user Id and object, the last record
 * the user created and the last one they were the last to modify since an instant, and how many records they were
 * the last to modify in the 90 days before the org's "now" (or a given as-of instant). What an aggregate by {@code CreatedById} and
 * {@code LastModifiedById} can know: an edit later overwritten by someone else's is not visible, as in Salesforce.
 *
 * @param byUser user Id to object name to that user's activity on it; only users with some activity appear
 */
public record RecordActivityFacts(Map<String, Map<String, Activity>> byUser) {

	/** One user's activity on one object; {@code null} when there is none of that kind. */
	public record Activity(@Nullable Instant lastCreated, @Nullable Instant lastModified, int modifiedLast90Days) {

		Activity created(Instant time) {
			return new Activity(max(this.lastCreated, time), this.lastModified, this.modifiedLast90Days);
		}

		Activity modified(Instant time, boolean recent) {
			return new Activity(this.lastCreated, max(this.lastModified, time),
					this.modifiedLast90Days + (recent ? 1 : 0));
		}

		private static Instant max(@Nullable Instant current, Instant time) {
			return (current == null || time.isAfter(current)) ? time : current;
		}

	}

	static RecordActivityFacts of(SandboxOrg org, Instant since, Instant asOf) {
		Instant recent = asOf.minus(Duration.ofDays(90));
		Map<String, Map<String, Activity>> byUser = new TreeMap<>();
		Activity none = new Activity(null, null, 0);
		for (ObjectType type : OrgTypes.CRM) {
			CrmRecordTable table = org.crmRecords(type);
			for (int i = 0; i < table.size(); i++) {
				Instant created = table.createdDate(i);
				if (!created.isBefore(since)) {
					byUser.computeIfAbsent(table.creatorId(i), (id) -> new TreeMap<>())
						.merge(type.name(), none.created(created), (a, b) -> a.created(created));
				}
				Instant modified = table.lastModifiedDate(i);
				boolean isRecent = !modified.isBefore(recent);
				if (!modified.isBefore(since) || isRecent) {
					Activity edit = none.modified(modified, isRecent);
					byUser.computeIfAbsent(table.editorId(i), (id) -> new TreeMap<>())
						.merge(type.name(), edit, (a, b) -> a.modified(modified, isRecent));
				}
			}
		}
		return new RecordActivityFacts(Collections.unmodifiableMap(byUser));
	}

	/** How many records there are of a CRM object. */
	public static int records(SandboxOrg org, ObjectType type) {
		return org.crmRecords(type).size();
	}

}
