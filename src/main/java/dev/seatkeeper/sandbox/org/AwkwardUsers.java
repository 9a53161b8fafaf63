package dev.seatkeeper.sandbox.org;

import java.util.List;

/**
 * Gives a generated org the user data that breaks careless storage (sandbox option {@code awkwardUsers}): a username
 * of 300 characters, longer than Salesforce's 80 (data loaded through an integration that bypassed validation, or a
 * client that trusts no length), a name in three scripts ({@code Zoë 李 Müller}) and one with an emoji, which a
 * latin1 or utf8mb3 column cannot hold. The users keep their licenses and logins, so a client that skips one loses
 * exactly that user.
 */
public final class AwkwardUsers {

	public static final String LONG_USERNAME = "x".repeat(287) + "@acme.example";

	public static final String MIXED_SCRIPT_NAME = "Zoë 李 Müller";

	public static final String EMOJI_NAME = "Ana \uD83D\uDE00 Silva";

	/** Positions in the user table (after the integration and site users at 1 and 3). */
	private static final int FIRST = 10;

	private AwkwardUsers() {
	}

	/** Rewrites three users of the org; answers their Ids: the long username, the mixed-script name, the emoji. */
	public static List<String> apply(SandboxOrg org) {
		RowTable users = org.table(OrgTypes.USER);
		if (users.size() <= FIRST + 2) {
			throw new IllegalArgumentException("awkward users need an org of at least " + (FIRST + 3) + " users");
		}
		Row longUsername = users.record(FIRST).set("Username", LONG_USERNAME);
		Row mixed = users.record(FIRST + 1).set("FirstName", "Zoë 李").set("LastName", "Müller").set("Name", MIXED_SCRIPT_NAME);
		Row emoji = users.record(FIRST + 2).set("FirstName", "Ana \uD83D\uDE00").set("LastName", "Silva").set("Name", EMOJI_NAME);
		return List.of(longUsername.id(), mixed.id(), emoji.id());
	}

}
