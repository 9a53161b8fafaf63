package dev.seatkeeper.sandbox.org;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.seatkeeper.sandbox.soql.SoqlSchema;
import org.jspecify.annotations.Nullable;

/**
 * One simulated org: a table per sObject type, the columnar login history, and the schema queries are checked
 * against. Built by {@link OrgGenerator#generate(OrgSpec)}; changed only through {@link #writer()}, whose
 * methods hold this org's lock. Reading is safe from any thread.
 */
public final class SandboxOrg implements SoqlSchema {

	private final OrgSpec spec;

	private final Map<String, RowTable> tables = new LinkedHashMap<>();

	private final Map<String, RowTable> byPrefix = new LinkedHashMap<>();

	private final Map<String, String> protectedUsers = new LinkedHashMap<>();

	private final Map<String, String> licensedPermissions = new LinkedHashMap<>();

	private @Nullable LoginHistoryTable loginHistory;

	private final Map<String, CrmRecordTable> crm = new LinkedHashMap<>();

	private final OrgWriter writer = new OrgWriter(this);

	private volatile RunAsUser runAs = RunAsUser.administrator();

	SandboxOrg(OrgSpec spec) {
		this.spec = spec;
		for (ObjectType type : OrgTypes.ALL) {
			if (type != OrgTypes.LOGIN_HISTORY && !OrgTypes.LICENSE_METRICS.contains(type)
					&& !OrgTypes.CRM.contains(type)) {
				addTable(type);
			}
		}
	}

	/** Makes a type the org did not have (the license metrics, once collected) exist, empty. */
	RowTable addTable(ObjectType type) {
		RowTable table = new RowTable(type);
		this.tables.put(type.name().toLowerCase(Locale.ROOT), table);
		this.byPrefix.put(type.keyPrefix(), table);
		return table;
	}

	/** The types this org has, in describe order: every type but the license metrics until they are collected. */
	public List<ObjectType> types() {
		return OrgTypes.ALL.stream().filter((type) -> hasObject(type.name())).toList();
	}

	public OrgSpec spec() {
		return this.spec;
	}

	public Instant now() {
		return this.spec.now();
	}

	public String orgId() {
		return table(OrgTypes.ORGANIZATION).record(0).id();
	}

	/** The user client-credentials sessions run as: the org's API-only integration user. */
	public String integrationUserId() {
		return table(OrgTypes.USER).record(1).id();
	}

	/** Users Salesforce refuses to deactivate, with the reason it gives. */
	public Map<String, String> protectedUsers() {
		return Collections.unmodifiableMap(this.protectedUsers);
	}

	/**
	 * Users holding, through a permission set, a permission only their current user license allows, with its
	 * label: Salesforce refuses to move them to a profile of another license.
	 */
	public Map<String, String> licensedPermissions() {
		return Collections.unmodifiableMap(this.licensedPermissions);
	}

	/**
	 * Gives a user a permission (such as {@code Convert Leads}) that only their current user license allows, so a
	 * change of {@code ProfileId} to a profile of another license is refused with {@code FIELD_INTEGRITY_EXCEPTION}
	 * "The user license doesn't allow the permission: ...", as Salesforce refuses it.
	 */
	public void holdLicensedPermission(String userId, String permission) {
		synchronized (this) {
			Row user = find(userId);
			if (user == null || user.type() != OrgTypes.USER) {
				throw new IllegalArgumentException("No user " + userId);
			}
			this.licensedPermissions.put(user.id(), permission);
		}
	}

	/** What API sessions may see and do (default: every permission, every field). */
	public RunAsUser runAs() {
		return this.runAs;
	}

	/** Changes what API sessions may see and do, from the next request on. */
	public void runAs(RunAsUser user) {
		this.runAs = user;
	}

	public OrgWriter writer() {
		return this.writer;
	}

	public RowTable table(ObjectType type) {
		RowTable table = this.tables.get(type.name().toLowerCase(Locale.ROOT));
		if (table == null) {
			throw new IllegalStateException("The org has no " + type.name());
		}
		return table;
	}

	public LoginHistoryTable loginHistory() {
		if (this.loginHistory == null) {
			throw new IllegalStateException("The org has no login history yet");
		}
		return this.loginHistory;
	}

	/** The queryable records of a type by API name (case-insensitive), or {@code null}. */
	public @Nullable RecordSource source(String typeName) {
		if (OrgTypes.LOGIN_HISTORY.name().equalsIgnoreCase(typeName)) {
			return this.loginHistory;
		}
		CrmRecordTable records = this.crm.get(typeName.toLowerCase(Locale.ROOT));
		if (records != null) {
			return records;
		}
		return this.tables.get(typeName.toLowerCase(Locale.ROOT));
	}

	/** A record by Id, whatever its type; login history is not addressable by Id. */
	public @Nullable Row find(String id) {
		if (id.length() < 3) {
			return null;
		}
		RowTable table = this.byPrefix.get(id.substring(0, 3));
		return table != null && SfId.isWellFormed(id) ? table.find(id) : null;
	}

	/** Ground truth, computed from the data as it is now. */
	public OrgFacts facts() {
		return OrgFacts.of(this);
	}

	Row newRow(ObjectType type) {
		RowTable table = table(type);
		Row row = new Row(type, this::find);
		row.set("Id", SfId.of(type.keyPrefix(), table.size() + 1L + idOffset(type)));
		table.add(row);
		return row;
	}

	/** The org Id differs per seed so two sandboxes never share one; other types count from 1. */
	private long idOffset(ObjectType type) {
		return type == OrgTypes.ORGANIZATION ? 1000 + Math.floorMod(this.spec.seed(), 1_000_000) : 0;
	}

	void protect(String userId, String reason) {
		this.protectedUsers.put(userId, reason);
	}

	/** The CRM records of a type (empty until generated). */
	public CrmRecordTable crmRecords(ObjectType type) {
		CrmRecordTable records = this.crm.get(type.name().toLowerCase(Locale.ROOT));
		if (records == null) {
			throw new IllegalArgumentException(type.name() + " is not a CRM object of the sandbox");
		}
		return records;
	}

	void crmRecords(CrmRecordTable table) {
		this.crm.put(table.type().name().toLowerCase(Locale.ROOT), table);
	}

	/**
	 * Ground truth about record activity: per user and CRM object, the last create and edit since {@code since}
	 * and the records the user last modified in the 90 days before the org's "now".
	 */
	public RecordActivityFacts recordActivityFacts(Instant since) {
		return RecordActivityFacts.of(this, since, now());
	}

	/** Like {@link #recordActivityFacts(Instant)}, counting the 90 days before {@code asOf} (a later night). */
	public RecordActivityFacts recordActivityFacts(Instant since, Instant asOf) {
		return RecordActivityFacts.of(this, since, asOf);
	}

	void loginHistory(LoginHistoryTable table) {
		this.loginHistory = table;
	}

	@Override
	public @Nullable FieldType typeOf(String objectName, String path) {
		RecordSource source = source(objectName);
		return source != null ? typeOf(source.type(), path) : null;
	}

	private @Nullable FieldType typeOf(ObjectType type, String path) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			int i = type.indexOf(path);
			return i >= 0 ? type.typeAt(i) : null;
		}
		ObjectType.Relationship rel = type.relationship(path.substring(0, dot));
		return rel != null ? typeOf(table(OrgTypes.byName(rel.target())).type(), path.substring(dot + 1)) : null;
	}

	@Override
	public boolean hasObject(String objectName) {
		return source(objectName) != null;
	}

}
