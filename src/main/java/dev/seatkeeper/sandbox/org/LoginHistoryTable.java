package dev.seatkeeper.sandbox.org;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Login history stored column-free in one primitive array: each event is a {@code long} packing
 * (seconds since {@code base} | user position | status, login type, client). Sorting the array sorts by
 * (LoginTime, user, ...) and an event's Id is minted from its position, so (LoginTime, Id) order and Id order
 * agree and both bounds are answered by binary search. About 8 bytes per event: 3M events take 24 MB.
 * Records are materialised only as small views when a query touches them. After generation the table grows at its
 * end ({@link #append}), so positions, Ids and open cursors stay valid; appends are serialised by the org's lock and
 * published through volatile fields, so readers never lock. The exception is a login recorded late (earlier than the
 * latest event): it is inserted in time order with the next Id, so Id order stops being position order (Id bounds
 * then scan, and an ORDER BY is checked on every row) and open cursors over the history must be expired.
 */
public final class LoginHistoryTable implements RecordSource {

	static final List<String> LOGIN_TYPES = List.of("Application", "SAML Idp Initiated SSO", "Remote Access 2.0",
			"Remote Access Client", "Other Apex API", "Chatter Communities External User");

	/** Application, Browser, Platform of the eight clients events are attributed to. */
	static final List<List<String>> CLIENTS = List.of(List.of("Browser", "Chrome 131", "Windows 10"),
			List.of("Browser", "Firefox 133", "Mac OSX"), List.of("Browser", "Safari 18", "Mac OSX"),
			List.of("Salesforce for iOS", "Unknown", "iOS/Mac"), List.of("Salesforce for Android", "Unknown", "Android 14"),
			List.of("Seatkeeper", "Java (Salesforce.com)", "Unknown"), List.of("N/A", "Unknown", "Unknown"),
			List.of("Browser", "Edge 131", "Windows 11"), List.of(AwkwardRecords.LONG_APPLICATION, "Unknown", "Unknown"));

	/** The client whose Application is longer than Salesforce's 64 characters ({@link AwkwardRecords}); never generated. */
	static final int AWKWARD_CLIENT = 8;

	private static final List<String> COUNTRIES = List.of("US", "GB", "DE", "PL", "CN", "IE", "FR", "IN");

	private final long base;

	private volatile long[] events;

	private volatile int size;

	private final String[] userIds;

	/**
	 * The Id ordinal (less one) of each position, once a late login has been inserted before later events (null until
	 * then: the ordinal is the position). Written before {@code events} and {@code size}.
	 */
	private volatile int @Nullable [] ordinals;

	/** @param events packed events, sorted here; {@code userIds} maps a user position to its Id */
	LoginHistoryTable(long base, long[] events, String[] userIds) {
		this.base = base;
		Arrays.sort(events);
		this.events = events;
		this.size = events.length;
		this.userIds = userIds;
	}

	/** The client an appended event of this login type is attributed to: a browser, the mobile app or the API. */
	static int clientFor(int loginType) {
		return switch (loginType) {
			case 2 -> 3;
			case 3, 4 -> 5;
			default -> 0;
		};
	}

	static long pack(long epochSecond, long base, int user, boolean success, int loginType, int client) {
		return ((epochSecond - base) << 32) | ((long) user << 8) | (success ? 0 : 0x80) | (loginType << 4) | client;
	}

	@Override
	public ObjectType type() {
		return OrgTypes.LOGIN_HISTORY;
	}

	@Override
	public int size() {
		return this.size;
	}

	/** The latest event's epoch second, or the base when there is none. */
	long lastSecond() {
		int count = this.size;
		return count == 0 ? this.base : epochSecond(count - 1);
	}

	/**
	 * Adds an event; the caller holds the org's lock. An event at or after the latest one goes at the end. An earlier
	 * one (a login Salesforce recorded late) is inserted after every event of its second and still gets the next Id,
	 * as Salesforce mints it: later events move one position on, so query results over LoginHistory opened before
	 * it must not be paged on (expire the query locators).
	 * @return the new event's position
	 */
	int append(long epochSecond, int user, boolean success, int loginType, int client) {
		if (epochSecond < lastSecond()) {
			return insertLate(epochSecond, pack(epochSecond, this.base, user, success, loginType, client));
		}
		long[] current = this.events;
		int count = this.size;
		if (count == current.length) {
			current = Arrays.copyOf(current, Math.max(16, count + (count >> 1)));
			this.events = current;
		}
		int[] ids = this.ordinals;
		if (ids != null) {
			ids = (count == ids.length) ? Arrays.copyOf(ids, Math.max(16, count + (count >> 1))) : ids;
			ids[count] = count;
			this.ordinals = ids;
		}
		current[count] = pack(epochSecond, this.base, user, success, loginType, client);
		this.size = count + 1;
		return count;
	}

	private int insertLate(long epochSecond, long event) {
		int count = this.size;
		int position = firstAtOrAfter(epochSecond, true);
		int[] current = this.ordinals;
		int[] ids = new int[count + 1];
		for (int i = 0; i < count; i++) {
			ids[i < position ? i : i + 1] = (current != null) ? current[i] : i;
		}
		ids[position] = count;
		long[] events = new long[count + 1];
		System.arraycopy(this.events, 0, events, 0, position);
		System.arraycopy(this.events, position, events, position + 1, count - position);
		events[position] = event;
		this.ordinals = ids;
		this.events = events;
		this.size = count + 1;
		return position;
	}

	/** Whether a late login was inserted: Id order is then no longer position order. */
	public boolean hasLateEvents() {
		return this.ordinals != null;
	}

	@Override
	public OrgRecord record(int index) {
		return new LoginEvent(this, index);
	}

	String id(int index) {
		int[] ids = this.ordinals;
		return SfId.of(OrgTypes.LOGIN_HISTORY.keyPrefix(), ((ids != null) ? ids[index] : index) + 1L);
	}

	long epochSecond(int index) {
		return this.base + (this.events[index] >>> 32);
	}

	int user(int index) {
		return (int) ((this.events[index] >>> 8) & 0xFFFFFF);
	}

	String userId(int index) {
		return this.userIds[user(index)];
	}

	boolean success(int index) {
		return (this.events[index] & 0x80) == 0;
	}

	String loginType(int index) {
		return LOGIN_TYPES.get((int) (this.events[index] >>> 4) & 0x7);
	}

	List<String> client(int index) {
		return CLIENTS.get((int) this.events[index] & 0xF);
	}

	String country(int index) {
		return COUNTRIES.get(user(index) % COUNTRIES.size());
	}

	@Override
	public int from(String field, Object value, boolean inclusive) {
		if ("LoginTime".equalsIgnoreCase(field) && value instanceof Instant time) {
			return firstAtOrAfter(secondsCeil(time), !inclusive && time.getNano() == 0);
		}
		if ("Id".equalsIgnoreCase(field) && value instanceof String id && !hasLateEvents()) {
			return Math.max(0, Math.min(size(), idPosition(id, !inclusive)));
		}
		return 0;
	}

	@Override
	public int to(String field, Object value, boolean inclusive) {
		if ("LoginTime".equalsIgnoreCase(field) && value instanceof Instant time) {
			long second = time.getEpochSecond();
			return firstAtOrAfter(second, inclusive || time.getNano() != 0);
		}
		if ("Id".equalsIgnoreCase(field) && value instanceof String id && !hasLateEvents()) {
			return Math.max(0, Math.min(size(), idPosition(id, inclusive)));
		}
		return size();
	}

	private static long secondsCeil(Instant time) {
		return time.getNano() == 0 ? time.getEpochSecond() : time.getEpochSecond() + 1;
	}

	/** The first position whose second is {@code >= second} (or {@code > second} when after). */
	private int firstAtOrAfter(long second, boolean after) {
		long offset = second - this.base + (after ? 1 : 0);
		if (offset <= 0) {
			return 0;
		}
		int low = 0;
		int high = this.size;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if ((this.events[mid] >>> 32) < offset) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	/** The position of the first event whose Id sorts at or after (after: strictly after) the given Id. */
	private int idPosition(String id, boolean after) {
		int low = 0;
		int high = this.size;
		while (low < high) {
			int mid = (low + high) >>> 1;
			int cmp = id(mid).compareTo(id);
			if (cmp < 0 || (after && cmp == 0)) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

}
