package dev.seatkeeper.sandbox.org;

import java.time.Instant;

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
		int i = OrgTypes.LOGIN_HISTORY.indexOf(field);
		return i >= 0 ? valueOf(OrgTypes.LOGIN_HISTORY.fields().get(i)) : null;
	}

	/** The value of a field by canonical name. */
	private @Nullable Object valueOf(String field) {
		int user = this.table.user(this.index);
		boolean api = this.table.loginType(this.index).startsWith("Other");
		return switch (field) {
			case "Id" -> id();
			case "UserId" -> this.table.userId(this.index);
			case "LoginTime" -> Instant.ofEpochSecond(this.table.epochSecond(this.index));
			case "LoginType" -> this.table.loginType(this.index);
			case "Status" -> this.table.success(this.index) ? "Success" : "Invalid Password";
			case "Application" -> this.table.client(this.index).get(0);
			case "Browser" -> this.table.client(this.index).get(1);
			case "Platform" -> this.table.client(this.index).get(2);
			case "SourceIp" -> "10." + ((user >> 16) & 255) + "." + ((user >> 8) & 255) + "." + (user & 255);
			case "LoginUrl" -> api ? "login.salesforce.com" : "acme.my.salesforce.com";
			case "ApiType" -> api ? "REST" : "N/A";
			case "ApiVersion" -> api ? "62.0" : "N/A";
			case "CountryIso" -> this.table.country(this.index);
			default -> null;
		};
	}

}
