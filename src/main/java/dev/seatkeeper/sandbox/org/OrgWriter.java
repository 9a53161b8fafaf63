package dev.seatkeeper.sandbox.org;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import dev.seatkeeper.sandbox.soql.SoqlSchema.FieldType;
import org.jspecify.annotations.Nullable;

/**
 * Writes with their license effects, under the org's lock: deactivating a user frees a seat of its user license,
 * activating one takes a seat (refused when none is left), a new profile of another license moves the user's seat to
 * it (refused as {@link LicenseSeats} says), freezing frees nothing, and deleting a permission set
 * license or package assignment frees that seat. Used counts are kept in step with the data, so a reader of
 * UserLicense sees what a reclaim did at once. With allOrNone every record is checked before any is applied; without,
 * each is checked and applied in turn, so a record sees what the ones before it changed.
 */
public final class OrgWriter {

	private final SandboxOrg org;

	private final LicenseSeats seats;

	private final LicenseDependents dependents;

	private final WriteJournal journal = new WriteJournal();

	OrgWriter(SandboxOrg org) {
		this.org = org;
		this.seats = new LicenseSeats(org);
		this.dependents = new LicenseDependents(org);
	}

	/** Every record written or refused since the org was generated (or the journal cleared). */
	public WriteJournal journal() {
		return this.journal;
	}

	/** Updates one record; {@code fields} maps field names to JSON values (Boolean, String, Number or null). */
	public SaveResult update(String id, Map<String, @Nullable Object> fields) {
		return updateAll(List.of(new Update(null, id, fields)), false).get(0);
	}

	public SaveResult delete(String id) {
		return deleteAll(List.of(id), false).get(0);
	}

	/**
	 * One record of an update batch.
	 * @param type the type the request claims ({@code attributes.type}), or {@code null} to take the Id's
	 */
	public record Update(@Nullable String type, String id, Map<String, @Nullable Object> fields) {
	}

	public List<SaveResult> updateAll(List<Update> updates, boolean allOrNone) {
		return updateAll(updates, allOrNone, (id) -> false);
	}

	/**
	 * Like {@link #updateAll(List, boolean)}; a record whose row {@code locked} says another transaction holds is
	 * refused with {@code UNABLE_TO_LOCK_ROW} and left unchanged.
	 */
	public List<SaveResult> updateAll(List<Update> updates, boolean allOrNone, Predicate<String> locked) {
		synchronized (this.org) {
			if (!allOrNone) {
				// Each record is checked against what the records before it changed (the last free seat goes once).
				List<SaveResult> results = new ArrayList<>();
				for (Update update : updates) {
					SaveResult.Error error = lockedOr(update.id(), locked, () -> checkUpdate(update));
					if (error == null) {
						applyUpdate(update);
					}
					results.add((error != null) ? SaveResult.failed(error) : SaveResult.saved(SfId.to18(update.id())));
				}
				return journaled("UPDATE", results, (i) -> updates.get(i).id());
			}
			List<SaveResult.@Nullable Error> errors = new ArrayList<>();
			updates.forEach((update) -> errors.add(lockedOr(update.id(), locked, () -> checkUpdate(update))));
			return journaled("UPDATE", apply(errors, allOrNone, (i) -> applyUpdate(updates.get(i)),
					(i) -> updates.get(i).id()), (i) -> updates.get(i).id());
		}
	}

	public List<SaveResult> deleteAll(List<String> ids, boolean allOrNone) {
		return deleteAll(ids, allOrNone, (id) -> false);
	}

	/** Like {@link #deleteAll(List, boolean)}, with rows that {@code locked} says are held refused. */
	public List<SaveResult> deleteAll(List<String> ids, boolean allOrNone, Predicate<String> locked) {
		synchronized (this.org) {
			List<SaveResult.@Nullable Error> errors = new ArrayList<>();
			ids.forEach((id) -> errors.add(lockedOr(id, locked, () -> checkDelete(id))));
			return journaled("DELETE", apply(errors, allOrNone, (i) -> applyDelete(ids.get(i)), ids::get), ids::get);
		}
	}

	/** Salesforce's answer for a row another transaction holds, else what {@code check} finds. */
	private static SaveResult.@Nullable Error lockedOr(@Nullable String id, Predicate<String> locked,
			java.util.function.Supplier<SaveResult.@Nullable Error> check) {
		if (id != null && !id.isBlank() && locked.test(id)) {
			return SaveResult.Error.of("UNABLE_TO_LOCK_ROW",
					"unable to obtain exclusive access to this record or 1 records: " + id);
		}
		return check.get();
	}

	private List<SaveResult> journaled(String operation, List<SaveResult> results, IntFunction<String> idOf) {
		for (int i = 0; i < results.size(); i++) {
			this.journal.add(operation, idOf.apply(i), results.get(i).success());
		}
		return results;
	}

	private List<SaveResult> apply(List<SaveResult.@Nullable Error> errors, boolean allOrNone,
			IntConsumer action, IntFunction<String> idOf) {
		boolean anyFailed = errors.stream().anyMatch(Objects::nonNull);
		List<SaveResult> results = new ArrayList<>();
		for (int i = 0; i < errors.size(); i++) {
			SaveResult.Error error = errors.get(i);
			if (error != null) {
				results.add(SaveResult.failed(error));
			}
			else if (allOrNone && anyFailed) {
				results.add(SaveResult.failed(SaveResult.Error.of("ALL_OR_NONE_OPERATION_ROLLED_BACK",
						"Record rolled back because not all records were valid and the request was using AllOrNone header")));
			}
			else {
				action.accept(i);
				results.add(SaveResult.saved(SfId.to18(idOf.apply(i))));
			}
		}
		return results;
	}

	private SaveResult.@Nullable Error checkUpdate(Update update) {
		SaveResult.Error missing = checkExists(update.id());
		if (missing != null) {
			return missing;
		}
		Row row = existing(update.id());
		if (update.type() != null && !row.type().name().equalsIgnoreCase(update.type())) {
			return SaveResult.Error.of("MALFORMED_ID", "malformed id " + update.id(), "Id");
		}
		SaveResult.Error refused = this.org.runAs().refuse("UPDATE", row.type());
		if (refused != null) {
			return refused;
		}
		for (Map.Entry<String, @Nullable Object> field : update.fields().entrySet()) {
			SaveResult.Error error = checkField(row, field.getKey(), field.getValue());
			if (error != null) {
				return error;
			}
		}
		return row.type() == OrgTypes.USER ? this.seats.checkUserChange(row, update.fields()) : null;
	}

	/** A record checkExists has found. */
	private Row existing(String id) {
		return Objects.requireNonNull(this.org.find(id), () -> "checked to exist: " + id);
	}

	private SaveResult.@Nullable Error checkExists(@Nullable String id) {
		if (id == null || id.isBlank()) {
			return SaveResult.Error.of("MISSING_ARGUMENT", "Id not specified in an update call");
		}
		Row row = this.org.find(id);
		if (row == null) {
			return SfId.isWellFormed(id) ? SaveResult.Error.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")
					: SaveResult.Error.of("MALFORMED_ID", "malformed id " + id);
		}
		return row.isDeleted() ? SaveResult.Error.of("ENTITY_IS_DELETED", "entity is deleted") : null;
	}

	private SaveResult.@Nullable Error checkField(Row row, String field, @Nullable Object value) {
		ObjectType type = row.type();
		int i = type.indexOf(field);
		if (i < 0) {
			return SaveResult.Error.of("INVALID_FIELD", ObjectNames.noSuchField(type.name(), field), field);
		}
		String name = type.fields().get(i);
		if (!type.isUpdatable(name)) {
			return SaveResult.Error.of("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + name
					+ ". Please check the security settings of this field and verify that it is read/write for your "
					+ "profile or permission set.", name);
		}
		boolean booleanField = type.typeAt(i) == FieldType.BOOLEAN;
		if (booleanField ? !(value instanceof Boolean) : (value != null && !(value instanceof String))) {
			return SaveResult.Error.of("INVALID_TYPE_ON_FIELD_IN_RECORD",
					name + ": value not of required type: " + value, name);
		}
		return null;
	}

	private void applyUpdate(Update update) {
		Row row = existing(update.id());
		Boolean active = LicenseSeats.activeValue(update.fields());
		boolean wasActive = Boolean.TRUE.equals(row.fieldValue("IsActive"));
		Row oldLicense = (row.type() == OrgTypes.USER) ? LicenseSeats.licenseOf(row) : null;
		Object oldProfile = row.fieldValue("ProfileId");
		update.fields().forEach(row::set);
		touch(row);
		if (row.type() == OrgTypes.USER) {
			// The seat moves to the new license first, so a deactivation in the same write frees the new one.
			this.seats.profileChanged(row, oldLicense, wasActive, now());
			if (!java.util.Objects.equals(oldProfile, row.fieldValue("ProfileId"))) {
				assignProfileSet(row);
			}
			if (active != null && active != wasActive) {
				this.seats.userActivated(row, active, now());
			}
		}
	}

	/** As in Salesforce, a user's assignment to their profile's own permission set follows the profile. */
	private void assignProfileSet(Row user) {
		Row owned = this.org.table(OrgTypes.PERMISSION_SET).rows().stream()
			.filter((set) -> Boolean.TRUE.equals(set.fieldValue("IsOwnedByProfile"))
					&& SfId.to18(String.valueOf(user.fieldValue("ProfileId"))).equals(
							SfId.to18(String.valueOf(set.fieldValue("ProfileId")))))
			.findFirst()
			.orElse(null);
		for (Row assignment : this.org.table(OrgTypes.PERMISSION_SET_ASSIGNMENT).rows()) {
			if (owned != null && user.id().equals(assignment.fieldValue("AssigneeId"))
					&& assignment.related("PermissionSet") instanceof Row set
					&& Boolean.TRUE.equals(set.fieldValue("IsOwnedByProfile"))) {
				assignment.set("PermissionSetId", owned.id());
				assignment.set("SystemModstamp", now());
			}
		}
	}

	private SaveResult.@Nullable Error checkDelete(String id) {
		SaveResult.Error missing = checkExists(id);
		if (missing != null) {
			return missing;
		}
		Row row = existing(id);
		SaveResult.Error refused = this.org.runAs().refuse("DELETE", row.type());
		if (refused != null) {
			return refused;
		}
		return row.type().isDeletable() ? this.dependents.checkDelete(row)
				: SaveResult.Error.of("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id");
	}

	private void applyDelete(String id) {
		Row row = existing(id);
		row.set("IsDeleted", true);
		row.set("SystemModstamp", now());
		this.seats.assignmentDeleted(row);
	}

	/**
	 * Records a login as a nightly run would find it: a LoginHistory event and, when successful, the user's
	 * LastLoginDate if later. A time before the latest event is a login Salesforce recorded late (its LoginTime
	 * earlier than events already visible, its Id the newest): later events move one position on, so expire the
	 * query locators if a LoginHistory cursor is open ({@code POST /__sandbox/logins} does).
	 * @param loginType a LoginType value such as {@code Application} or {@code Remote Access 2.0}
	 * @return the new LoginHistory Id
	 */
	public String recordLogin(String userId, Instant time, boolean success, String loginType) {
		synchronized (this.org) {
			Row user = this.org.find(userId);
			if (user == null || user.type() != OrgTypes.USER) {
				throw new IllegalArgumentException("No user " + userId);
			}
			int type = LoginHistoryTable.LOGIN_TYPES.indexOf(loginType);
			if (type < 0) {
				throw new IllegalArgumentException("'loginType' must be one of " + LoginHistoryTable.LOGIN_TYPES);
			}
			int position = this.org.table(OrgTypes.USER).from("Id", user.id(), true);
			LoginHistoryTable history = this.org.loginHistory();
			Instant second = time.truncatedTo(ChronoUnit.SECONDS);
			int index = history.append(second.getEpochSecond(), position, success, type, LoginHistoryTable.clientFor(type));
			Instant last = (Instant) user.fieldValue("LastLoginDate");
			if (success && (last == null || last.isBefore(second))) {
				user.set("LastLoginDate", second);
			}
			if (success) {
				this.seats.loginRecorded(user);
			}
			return history.id(index);
		}
	}

	/** Sets every used count from the data; the generator calls this once, tests compare against it. */
	void recountLicenses() {
		synchronized (this.org) {
			this.seats.recount();
		}
	}

	private void touch(Row row) {
		if (row.type().indexOf("LastModifiedDate") >= 0) {
			row.set("LastModifiedDate", now());
		}
		if (row.type().indexOf("SystemModstamp") >= 0) {
			row.set("SystemModstamp", now());
		}
	}

	/**
	 * The org's clock for stamping changes: the wall clock, but never before the instant the org was generated at
	 * (tests generate orgs "now" in the future), so a change is always stamped after every generated record, as
	 * Salesforce's own clock would stamp it.
	 */
	private Instant now() {
		Instant wall = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant generated = this.org.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		return wall.isAfter(generated) ? wall : generated;
	}

}
