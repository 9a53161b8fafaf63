package dev.seatkeeper.sandbox.org;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Creates the users and their login history. The first four users are fixed: the default workflow user (an
 * admin), the API-only integration user, a second admin and the site guest user; the first, second and fourth
 * cannot be deactivated. The rest draw a profile by share and an activity: 8% inactive, 5% active but never
 * logged in, 12% dormant (last login more than 90 days ago), the rest active within the last month.
 */
final class UserGenerator {

	private static final long DAY = 86_400;

	private final SandboxOrg org;

	private final SplittableRandom random;

	private final List<Row> profiles;

	private final long created;

	private final long createdSpan;

	private final LoginPlanner planner;

	UserGenerator(SandboxOrg org, SplittableRandom random, List<Row> profiles, Instant orgCreated) {
		this.org = org;
		this.random = random;
		this.profiles = profiles;
		this.created = orgCreated.getEpochSecond();
		this.createdSpan = 800 * DAY;
		// Login times depend on "now"; drawing them from a stream of their own keeps every other choice (who is
		// active, which license, which assignments) the same whatever night the org is generated for.
		this.planner = new LoginPlanner(random.split(), org.now(), org.spec().loginDays());
	}

	void generate() {
		int users = this.org.spec().users();
		String[] ids = new String[users];
		for (int i = 0; i < users; i++) {
			ids[i] = user(i).id();
		}
		this.org.loginHistory(new LoginHistoryTable(this.planner.base(), this.planner.events(), ids));
	}

	private Row user(int position) {
		int profile = profileOf(position);
		Names.Person person = personOf(position);
		long createdAt = this.created + this.createdSpan * position / this.org.spec().users();
		Row user = this.org.newRow(OrgTypes.USER);
		String username = switch (position) {
			case 1 -> "integration@acme.example";
			case 3 -> "acme_site@acme.example";
			default -> person.username(position);
		};
		user.set("Username", username)
			.set("FirstName", person.first())
			.set("LastName", person.last())
			.set("Name", person.full())
			.set("Email", username)
			.set("Alias", person.alias())
			.set("CommunityNickname", person.alias() + position)
			.set("Title", LicenseCatalog.PROFILES.get(profile).name())
			.set("Department", position % 3 == 0 ? "Sales" : position % 3 == 1 ? "Service" : "Operations")
			.set("UserType", LicenseCatalog.LICENSES.get(LicenseCatalog.PROFILES.get(profile).license()).userType())
			.set("ProfileId", this.profiles.get(profile).id())
			.set("TimeZoneSidKey", "Europe/Dublin")
			.set("LanguageLocaleKey", "en_US")
			.set("CreatedDate", Instant.ofEpochSecond(createdAt))
			.set("LastModifiedDate", Instant.ofEpochSecond(createdAt))
			.set("SystemModstamp", Instant.ofEpochSecond(createdAt));
		FeatureFlags.assign(user, LicenseCatalog.PROFILES.get(profile).license(), this.random);
		activity(user, position, profile, createdAt);
		protect(user, position);
		return user;
	}

	private Names.Person personOf(int position) {
		return switch (position) {
			case 0 -> new Names.Person("Morgan", "O'Brien");
			case 1 -> new Names.Person("Integration", "User");
			case 3 -> new Names.Person("Acme Site", "Guest User");
			default -> Names.pick(this.random);
		};
	}

	private int profileOf(int position) {
		switch (position) {
			case 0, 2:
				return LicenseCatalog.ADMIN_PROFILE;
			case 1:
				return LicenseCatalog.INTEGRATION_PROFILE;
			case 3:
				return LicenseCatalog.GUEST_PROFILE;
			default:
				double draw = this.random.nextDouble();
				for (int p = 0; p < LicenseCatalog.PROFILES.size(); p++) {
					draw -= LicenseCatalog.PROFILES.get(p).share();
					if (draw < 0) {
						return (p == LicenseCatalog.CUSTOMER_COMMUNITY_PROFILE && position % 3 == 0)
								? LicenseCatalog.CUSTOMER_COMMUNITY_LOGIN_PROFILE : p;
					}
				}
				return 2;
		}
	}

	private void activity(Row user, int position, int profile, long createdAt) {
		long now = this.org.now().getEpochSecond();
		int loginType = profileLoginType(profile);
		Instant last;
		boolean active = true;
		if (position == 1) {
			last = this.planner.apiLogins(position, now - 600, 6);
		}
		else if (position == 3) {
			last = null;
		}
		else {
			double draw = position < 4 ? 1.0 : this.random.nextDouble();
			if (draw < 0.08) {
				active = false;
				last = this.random.nextInt(10) < 3 ? null
						: this.planner.logins(position, createdAt, now - days(20, 500), count(1, 30), loginType);
			}
			else if (draw < 0.13) {
				last = null;
				if (this.random.nextInt(10) == 0) {
					this.planner.failedOnly(position, createdAt);
				}
			}
			else if (draw < 0.25) {
				last = this.planner.logins(position, createdAt, now - days(91, 400), count(1, 10), loginType);
			}
			else {
				long ago = this.random.nextInt(10) < 7 ? days(0, 3) : days(3, 30);
				last = this.planner.logins(position, createdAt, now - ago, count(15, 65), loginType);
			}
		}
		user.set("IsActive", active).set("LastLoginDate", last);
	}

	private int profileLoginType(int profile) {
		int license = LicenseCatalog.PROFILES.get(profile).license();
		if (license == 2 || license == 3 || license == LicenseCatalog.CUSTOMER_COMMUNITY_LOGIN) {
			return LoginPlanner.COMMUNITY;
		}
		int draw = this.random.nextInt(10);
		return draw < 9 ? LoginPlanner.APPLICATION : LoginPlanner.REMOTE_ACCESS;
	}

	/** A random number of seconds between {@code min} and {@code max} days. */
	private long days(int min, int max) {
		return min * DAY + (long) (this.random.nextDouble() * (max - min) * DAY);
	}

	/** A login count scaled to the length of the kept history (counts are per 180 days). */
	private int count(int min, int max) {
		int perHalfYear = min + this.random.nextInt(max - min + 1);
		return Math.max(1, (int) ((long) perHalfYear * this.org.spec().loginDays() / 180));
	}

	private void protect(Row user, int position) {
		switch (position) {
			case 0 -> this.org.protect(user.id(), "You can't deactivate this user because they're the default "
					+ "workflow user. Choose another default workflow user in Process Automation Settings first.");
			case 1 -> this.org.protect(user.id(), "You can't deactivate the user that an API session runs as.");
			case 3 -> this.org.protect(user.id(), "You can't deactivate a site guest user.");
			default -> {
			}
		}
	}

}
