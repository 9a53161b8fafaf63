package dev.seatkeeper.sandbox.org;

/**
 * Salesforce-shaped 18-character Ids: a 3-character key prefix, a fixed instance part, a 9-character base-62
 * sequence number and the 3-character case-safety suffix Salesforce appends. The base-62 alphabet is in ASCII
 * order, so the plain {@code String} order of Ids of one type equals their creation order, which is what
 * key-based paging ({@code WHERE Id > :last ORDER BY Id}) relies on.
 */
public final class SfId {

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

	private static final String INSTANCE = "5g0";

	private SfId() {
	}

	/** The Id of the {@code sequence}-th record (from 1) of the type with this key prefix. */
	public static String of(String keyPrefix, long sequence) {
		char[] digits = new char[9];
		long rest = sequence;
		for (int i = 8; i >= 0; i--) {
			digits[i] = BASE62.charAt((int) (rest % 62));
			rest /= 62;
		}
		String id15 = keyPrefix + INSTANCE + new String(digits);
		return id15 + suffix(id15);
	}

	/** The case-safety suffix: one character per 5-character chunk, one bit per upper-case letter. */
	static String suffix(String id15) {
		StringBuilder suffix = new StringBuilder(3);
		for (int chunk = 0; chunk < 3; chunk++) {
			int flags = 0;
			for (int i = 0; i < 5; i++) {
				char c = id15.charAt(chunk * 5 + i);
				if (c >= 'A' && c <= 'Z') {
					flags |= 1 << i;
				}
			}
			suffix.append(SUFFIX.charAt(flags));
		}
		return suffix.toString();
	}

	/** Whether the text is a well-formed 15- or 18-character Id. */
	public static boolean isWellFormed(String text) {
		if (text == null || (text.length() != 15 && text.length() != 18)) {
			return false;
		}
		for (int i = 0; i < 15; i++) {
			if (BASE62.indexOf(text.charAt(i)) < 0) {
				return false;
			}
		}
		return text.length() == 15 || suffix(text.substring(0, 15)).equals(text.substring(15));
	}

	/** The 18-character form of a 15- or 18-character Id. */
	public static String to18(String id) {
		return id.length() == 18 ? id : id + suffix(id);
	}

}
