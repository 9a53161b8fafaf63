package dev.seatkeeper.sandbox.org;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Creates the CRM records (accounts, contacts, opportunities, leads, cases, content and projects) whose creators and
 * editors follow each user's way of working, about 20 records per user:
 * <ul>
 * <li>users who never logged in, Chatter Free users, the integration user and the site guest touch nothing;</li>
 * <li>a quarter of full Salesforce users and of platform users only read;</li>
 * <li>a quarter of full Salesforce users touch only accounts, contacts and projects (what a Platform license covers:
 * they are the seats a downgrade saves); the rest also work opportunities and leads, and service agents and
 * Service Cloud users cases;</li>
 * <li>platform users touch accounts, contacts and projects; CRM Content users also upload content;</li>
 * <li>customer community users open cases, partner users register leads and opportunities.</li>
 * </ul>
 * A user creates records only between their creation (at most {@value #HISTORY_DAYS} days back) and their last login;
 * a third of records are later edited, by their creator or by another user who works that object, before that
 * editor's last login. Random choices come from a stream of their own, so the rest of the org is the same with or
 * without records.
 */
final class CrmRecordGenerator {

	static final long SALT = 0x5EC0_4D5L;

	static final int HISTORY_DAYS = 400;

	private enum Crm {

		ACCOUNT(OrgTypes.ACCOUNT), CONTACT(OrgTypes.CONTACT), OPPORTUNITY(OrgTypes.OPPORTUNITY), LEAD(OrgTypes.LEAD),
		CASE(OrgTypes.CASE), CONTENT(OrgTypes.CONTENT_VERSION), PROJECT(OrgTypes.PROJECT);

		private final ObjectType type;

		Crm(ObjectType type) {
			this.type = type;
		}

	}

	private static final Set<Crm> CORE = EnumSet.of(Crm.ACCOUNT, Crm.CONTACT, Crm.PROJECT);

	private final SandboxOrg org;

	private final SplittableRandom random;

	private final long base;

	private final long historyStart;

	CrmRecordGenerator(SandboxOrg org, SplittableRandom random) {
		this.org = org;
		this.random = random;
		this.historyStart = org.now().minus(Duration.ofDays(HISTORY_DAYS)).getEpochSecond();
		this.base = this.historyStart;
	}

	void generate() {
		List<Row> users = this.org.table(OrgTypes.USER).rows();
		Map<String, Integer> profiles = new HashMap<>();
		List<Row> profileRows = this.org.table(OrgTypes.PROFILE).rows();
		for (int i = 0; i < profileRows.size(); i++) {
			profiles.put(profileRows.get(i).id(), i);
		}
		String[] ids = new String[users.size()];
		List<Set<Crm>> works = new ArrayList<>(users.size());
		Map<Crm, IntList> workers = new HashMap<>();
		for (Crm crm : Crm.values()) {
			workers.put(crm, new IntList());
		}
		for (int position = 0; position < users.size(); position++) {
			Row user = users.get(position);
			ids[position] = user.id();
			Integer profile = Objects.requireNonNull(profiles.get((String) user.requiredValue("ProfileId")),
					"every user's profile is a profile row");
			Set<Crm> objects = objectsOf(position, user, profile);
			works.add(objects);
			for (Crm crm : objects) {
				filled(workers, crm).add(position);
			}
		}
		Map<Crm, IntList[]> records = new HashMap<>();
		for (Crm crm : Crm.values()) {
			records.put(crm, new IntList[] { new IntList(), new IntList(), new IntList(), new IntList() });
		}
		for (int position = 0; position < users.size(); position++) {
			Set<Crm> objects = works.get(position);
			if (objects.isEmpty()) {
				continue;
			}
			long from = Math.max(this.historyStart, created(users.get(position)));
			long last = lastLogin(users.get(position));
			if (last < from) {
				continue;
			}
			List<Crm> choices = List.copyOf(objects);
			int count = 10 + this.random.nextInt(51);
			for (int i = 0; i < count; i++) {
				Crm crm = choices.get(this.random.nextInt(choices.size()));
				long createdAt = from + (long) (this.random.nextDouble() * (last - from));
				int editor = position;
				long modifiedAt = createdAt;
				if (this.random.nextInt(3) == 0) {
					IntList others = filled(workers, crm);
					int candidate = this.random.nextBoolean() ? position : others.get(this.random.nextInt(others.size()));
					long editorLast = lastLogin(users.get(candidate));
					long editorFrom = Math.max(createdAt, created(users.get(candidate)));
					if (editorLast > editorFrom) {
						editor = candidate;
						modifiedAt = editorFrom + (long) (this.random.nextDouble() * (editorLast - editorFrom));
					}
				}
				IntList[] columns = filled(records, crm);
				columns[0].add(position);
				columns[1].add(editor);
				columns[2].add((int) (createdAt - this.base));
				columns[3].add((int) (modifiedAt - this.base));
			}
		}
		for (Crm crm : Crm.values()) {
			IntList[] columns = filled(records, crm);
			int[][] packed = { columns[0].toArray(), columns[1].toArray(), columns[2].toArray(), columns[3].toArray() };
			this.org.crmRecords(new CrmRecordTable(this.org, crm.type, this.base, packed, ids));
		}
	}

	/** A map's entry for a Crm: the maps are filled for every value of Crm before they are read. */
	private static <T> T filled(Map<Crm, T> byCrm, Crm crm) {
		return Objects.requireNonNull(byCrm.get(crm), "filled for every Crm");
	}

	/** The objects a user works on (creates and edits), by license, profile, feature flags and chance. */
	private Set<Crm> objectsOf(int position, Row user, int profile) {
		int license = LicenseCatalog.PROFILES.get(profile).license();
		double draw = this.random.nextDouble();
		double content = this.random.nextDouble();
		if (position == 1 || position == 3 || user.fieldValue("LastLoginDate") == null) {
			return Set.of();
		}
		Set<Crm> objects = EnumSet.noneOf(Crm.class);
		if (license == LicenseCatalog.SFDC) {
			if (draw < 0.25) {
				return objects;
			}
			objects.addAll(CORE);
			if (draw >= 0.5) {
				boolean agent = "Service Agent".equals(LicenseCatalog.PROFILES.get(profile).name());
				objects.addAll(agent ? EnumSet.of(Crm.CASE) : EnumSet.of(Crm.OPPORTUNITY, Crm.LEAD));
				if (Boolean.TRUE.equals(user.fieldValue("UserPermissionsSupportUser"))) {
					objects.add(Crm.CASE);
				}
			}
		}
		else if (license == 1) {
			if (draw < 0.25) {
				return objects;
			}
			objects.addAll(CORE);
		}
		else if (license == 2 && draw < 0.4) {
			objects.add(Crm.CASE);
		}
		else if (license == 3 && draw < 0.5) {
			objects.addAll(EnumSet.of(Crm.LEAD, Crm.OPPORTUNITY));
		}
		if (!objects.isEmpty() && content < 0.5 && Boolean.TRUE.equals(user.fieldValue("UserPermissionsSFContentUser"))) {
			objects.add(Crm.CONTENT);
		}
		return objects;
	}

	private static long created(Row user) {
		return ((Instant) user.requiredValue("CreatedDate")).getEpochSecond();
	}

	private static long lastLogin(Row user) {
		Instant last = (Instant) user.fieldValue("LastLoginDate");
		return (last != null) ? last.getEpochSecond() : Long.MIN_VALUE;
	}

	/** A growable primitive {@code int} array. */
	private static final class IntList {

		private int[] values = new int[64];

		private int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = java.util.Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		int get(int index) {
			return this.values[index];
		}

		int size() {
			return this.size;
		}

		int[] toArray() {
			return java.util.Arrays.copyOf(this.values, this.size);
		}

	}

}
