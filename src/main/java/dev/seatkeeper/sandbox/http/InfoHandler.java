package dev.seatkeeper.sandbox.http;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import dev.seatkeeper.sandbox.limits.ApiUsage;
import dev.seatkeeper.sandbox.org.ObjectType;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.sandbox.org.SandboxOrg;
import dev.seatkeeper.sandbox.query.RecordJson;

/**
 * The descriptive resources: API versions, the resources of a version, {@code limits}, the sObject list and the
 * identity URL a token's {@code id} points to.
 */
final class InfoHandler {

	/** The first REST API version Salesforce ever served; it and every version before {@link #OLDEST_VERSION} are retired. */
	static final int FIRST_VERSION = 7;

	/** The oldest version still served (21.0 to 30.0 were retired in Summer '25). */
	static final int OLDEST_VERSION = 31;

	static final int NEWEST_VERSION = 66;

	private static final String[] SEASONS = { "Winter", "Spring", "Summer" };

	private final SandboxOrg org;

	private final ApiUsage usage;

	InfoHandler(SandboxOrg org, ApiUsage usage) {
		this.org = org;
		this.usage = usage;
	}

	/** {@code GET /services/data}: needs no session. */
	void versions(HttpExchange exchange) throws IOException {
		List<Map<String, String>> versions = new ArrayList<>();
		for (int major = OLDEST_VERSION; major <= NEWEST_VERSION; major++) {
			int release = major - 62;
			String label = SEASONS[Math.floorMod(release, 3)] + " '" + (25 + Math.floorDiv(release, 3));
			versions.add(Map.of("label", label, "url", "/services/data/v" + major + ".0", "version", major + ".0"));
		}
		HttpIo.json(exchange, 200, versions);
	}

	void resources(ApiCall call, String baseUrl) throws IOException {
		Map<String, String> resources = new LinkedHashMap<>();
		for (String name : List.of("sobjects", "query", "queryAll", "limits", "composite")) {
			resources.put(name, call.apiPath() + "/" + name);
		}
		resources.put("identity", identityUrl(baseUrl, call.session().userId()));
		HttpIo.json(call.exchange(), 200, resources);
	}

	void limits(ApiCall call) throws IOException {
		Map<String, Map<String, Long>> limits = new LinkedHashMap<>();
		limits.put("DailyApiRequests", limit(this.usage.max(), this.usage.remaining()));
		limits.put("DataStorageMB", limit(1024 + this.org.spec().users() / 50, 913));
		limits.put("FileStorageMB", limit(2048 + this.org.spec().users() * 2L, 2001));
		limits.put("DailyBulkApiBatches", limit(15000, 15000));
		limits.put("DailyBulkV2QueryJobs", limit(10000, 10000));
		limits.put("ConcurrentAsyncGetReportInstances", limit(200, 200));
		HttpIo.json(call.exchange(), 200, limits);
	}

	void sobjects(ApiCall call) throws IOException {
		List<Map<String, Object>> sobjects = new ArrayList<>();
		for (ObjectType type : this.org.types()
			.stream()
			.filter((t) -> this.org.runAs().canRead(t.name()) && OrgTypes.servedIn(t, call.version()))
			.toList()) {
			sobjects.add(SObjectHandler.summary(call, type, this.org.runAs()));
		}
		HttpIo.json(call.exchange(), 200, Map.of("encoding", "UTF-8", "maxBatchSize", 200, "sobjects", sobjects));
	}

	/** {@code GET /id/{org}/{user}}: the user a session runs as, in the identity service's shape. */
	void identity(ApiCall call, String baseUrl, String orgId, String userId) throws IOException {
		Row user = this.org.find(userId);
		if (!this.org.orgId().equals(orgId) || user == null || user.type() != OrgTypes.USER) {
			HttpIo.error(call.exchange(), 403, "Bad_Id", "Bad_Id");
			return;
		}
		String rest = baseUrl + "/services/data/v{version}/";
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("id", identityUrl(baseUrl, user.id()));
		identity.put("asserted_user", true);
		identity.put("user_id", user.id());
		identity.put("organization_id", this.org.orgId());
		identity.put("username", user.fieldValue("Username"));
		identity.put("nick_name", user.fieldValue("CommunityNickname"));
		identity.put("display_name", user.fieldValue("Name"));
		identity.put("email", user.fieldValue("Email"));
		identity.put("email_verified", true);
		identity.put("first_name", user.fieldValue("FirstName"));
		identity.put("last_name", user.fieldValue("LastName"));
		identity.put("timezone", user.fieldValue("TimeZoneSidKey"));
		identity.put("active", user.fieldValue("IsActive"));
		identity.put("user_type", "STANDARD");
		identity.put("language", user.fieldValue("LanguageLocaleKey"));
		identity.put("locale", "en_US");
		identity.put("utcOffset", 0);
		identity.put("urls", Map.of("rest", rest, "sobjects", rest + "sobjects/", "query", rest + "query/", "limits",
				rest + "limits/", "profile", baseUrl + "/" + user.id(), "custom_domain", baseUrl));
		identity.put("is_app_installed", true);
		identity.put("last_modified_date", RecordJson.DATETIME.format((Instant) user.fieldValue("LastModifiedDate")));
		HttpIo.json(call.exchange(), 200, identity);
	}

	/** {@code GET /services/oauth2/userinfo}: the user the bearer token runs as, in the OpenID Connect shape. */
	void userInfo(ApiCall call, String baseUrl) throws IOException {
		if (!List.of(call.session().scope().split(" ")).contains("openid")) {
			// UserInfo is an OpenID Connect endpoint: a token without the openid scope may not read it (RFC 6750
			// insufficient_scope), and the documented app setup (api, refresh_token) does not grant it.
			HttpIo.error(call.exchange(), 403, "INSUFFICIENT_SCOPE", "The access token lacks the openid scope");
			return;
		}
		Row user = this.org.find(call.session().userId());
		if (user == null) {
			HttpIo.error(call.exchange(), 403, "Bad_Id", "Bad_Id");
			return;
		}
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("sub", identityUrl(baseUrl, user.id()));
		info.put("user_id", user.id());
		info.put("organization_id", this.org.orgId());
		info.put("preferred_username", user.fieldValue("Username"));
		info.put("email", user.fieldValue("Email"));
		info.put("active", user.fieldValue("IsActive"));
		HttpIo.json(call.exchange(), 200, info);
	}

	private String identityUrl(String baseUrl, String userId) {
		return baseUrl + "/id/" + this.org.orgId() + "/" + userId;
	}

	private static Map<String, Long> limit(long max, long remaining) {
		Map<String, Long> limit = new LinkedHashMap<>();
		limit.put("Max", max);
		limit.put("Remaining", Math.min(max, remaining));
		return limit;
	}

}
