package dev.seatkeeper.sandbox.org;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A view of one {@link LoginHistoryTable} position; created per query touch, holds no data of its own. */
final class LoginEvent implements OrgRecord {

	private final LoginHistoryTable table;

	private final int index;

	LoginEvent(LoginHistoryTable table, int index) {
		this.table = table;
		this.index = index;
	}

	@Override
	public ObjectType type() {
		return OrgTypes.LOGIN_HISTORY;
	}

	@Override
	public String id() {
		return this.table.id(this.index);
	}

	@Override
	public @Nullable OrgRecord related(String relationship) {
		return null;
	}

	@Override
	public @Nullable Object fieldValue(String field) {
		int user = this.table.user(this.index);
		boolean api = this.table.loginType(this.index).startsWith("Other");
		return switch (field.toLowerCase(Locale.ROOT)) {
			case "id" -> id();
			case "userid" -> this.table.userId(this.index);
			case "logintime" -> Instant.ofEpochSecond(this.table.epochSecond(this.index));
			case "logintype" -> this.table.loginType(this.index);
			case "status" -> this.table.success(this.index) ? "Success" : "Invalid Password";
			case "application" -> this.table.client(this.index).get(0);
			case "browser" -> this.table.client(this.index).get(1);
			case "platform" -> this.table.client(this.index).get(2);
			case "sourceip" -> "10." + ((user >> 16) & 255) + "." + ((user >> 8) & 255) + "." + (user & 255);
			case "loginurl" -> api ? "login.salesforce.com" : "acme.my.salesforce.com";
			case "apitype" -> api ? "REST" : "N/A";
			case "apiversion" -> api ? "62.0" : "N/A";
			case "countryiso" -> this.table.country(this.index);
			default -> null;
		};
	}

}
