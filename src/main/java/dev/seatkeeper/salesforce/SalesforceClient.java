package dev.seatkeeper.salesforce;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;

/**
 * The REST API of one org, for one profile: SOQL queries as lazy streams or page by page, keyed queries for
 * restartable steps, {@code /limits}, sObject and composite writes. Authentication, the API budget, error mapping and
 * retries happen underneath, in one place; callers see results or a {@link SalesforceApiException} (its subtypes
 * {@link ApiBudgetExhaustedException}: stop cleanly; {@link SalesforceAuthenticationException}: fix the connection).
 *
 * <p>Thread-safe: partitions of a step may share one client (and its budget). Streams are lazy and hold one page at a
 * time; close them or read them to the end on the thread that opened them.
 */
public class SalesforceClient {

	/** Salesforce's maximum of records per sObject Collections request. */
	public static final int COMPOSITE_CHUNK_SIZE = 200;

	private static final Consumer<String> NO_EARLY_REQUEST = (nextRecordsUrl) -> {
	};

	private final SalesforceConnection connection;

	private final SalesforceTransport transport;

	private final ApiBudget budget;

	private final String apiBase;

	public SalesforceClient(SalesforceConnection connection, SalesforceTransport transport, ApiBudget budget) {
		this.connection = connection;
		this.transport = transport;
		this.budget = budget;
		this.apiBase = "/services/data/v" + connection.apiVersion();
	}

	public String profile() {
		return this.connection.name();
	}

	/** This client's share of the org's daily API requests, and the calls it made. */
	public ApiBudget apiBudget() {
		return this.budget;
	}

	/** All records of a query, fetched page by page as the stream is read. */
	public Stream<JsonNode> query(String soql) {
		return stream(() -> queryPage(soql));
	}

	/** All records of a query, each mapped as it is read (e.g. to a row record of a step). */
	public <T> Stream<T> query(String soql, Function<JsonNode, T> mapper) {
		return query(soql).map(mapper);
	}

	/** Like {@link #query(String)}, including deleted and archived records ({@code queryAll}). */
	public Stream<JsonNode> queryAll(String soql) {
		return stream(() -> queryAllPage(soql));
	}

	/** The first page of a query. */
	public QueryPage queryPage(String soql) {
		return queryPage(soql, NO_EARLY_REQUEST);
	}

	/** The first page of a {@code queryAll}. */
	public QueryPage queryAllPage(String soql) {
		return page(this.apiBase + "/queryAll?q=" + encode(soql), NO_EARLY_REQUEST);
	}

	/** The page a previous page's {@code nextRecordsUrl} points to, on the instance URL. */
	public QueryPage nextPage(String nextRecordsUrl) {
		return nextPage(nextRecordsUrl, NO_EARLY_REQUEST);
	}

	/** The first page of a query; {@code onNextRecordsUrl} hears of the next page before this one is read. */
	QueryPage queryPage(String soql, Consumer<String> onNextRecordsUrl) {
		return page(this.apiBase + "/query?q=" + encode(soql), onNextRecordsUrl);
	}

	/** Like {@link #nextPage(String)}; {@code onNextRecordsUrl} hears of the page after before this one is read. */
	QueryPage nextPage(String nextRecordsUrl, Consumer<String> onNextRecordsUrl) {
		Assert.isTrue(nextRecordsUrl.startsWith("/services/data/") && !nextRecordsUrl.contains("..")
				&& !nextRecordsUrl.contains("//"), () -> "Not a nextRecordsUrl of this org: " + nextRecordsUrl);
		return page(nextRecordsUrl, onNextRecordsUrl);
	}

	/** A page-by-page walk of a keyed query, resuming after {@code after} (or from the start). */
	public KeyedCursor keyedCursor(KeyedQuery query, @Nullable Key after) {
		return new KeyedCursor(this, query, after, null);
	}

	/**
	 * Like {@link #keyedCursor(KeyedQuery, Key)}, asking for each next page as soon as its address is read, on
	 * {@code pagesAhead} (which needs two threads to overlap one answer with the next).
	 */
	public KeyedCursor keyedCursor(KeyedQuery query, @Nullable Key after, Executor pagesAhead) {
		return new KeyedCursor(this, query, after, pagesAhead);
	}

	/** All records of a keyed query after {@code after}, lazily; survives expired query locators. */
	public Stream<JsonNode> queryKeyed(KeyedQuery query, @Nullable Key after) {
		KeyedCursor cursor = keyedCursor(query, after);
		return PagedRecords.stream(() -> {
			List<JsonNode> page = cursor.isExhausted() ? List.of() : cursor.nextPage();
			return page.isEmpty() ? null : page;
		});
	}

	/** The org's limits. */
	public OrgLimits limits() {
		return OrgLimits.from(required(get("/limits")));
	}

	/** The objects the running user may see, and which of them it may delete from (one API call). */
	public GlobalDescribe describeGlobal() {
		return GlobalDescribe.read(required(get("/sobjects")));
	}

	/** An object's fields as the running user sees them, and what it may change (one API call). */
	public SObjectDescribe describe(String sobject) {
		return SObjectDescribe.read(required(get("/sobjects/" + Soql.identifier(sobject) + "/describe")));
	}

	/** A GET under the API base ({@code /services/data/vNN.N}), for resources without a method here. */
	public @Nullable JsonNode get(String pathUnderApiBase) {
		Assert.isTrue(pathUnderApiBase.startsWith("/") && !pathUnderApiBase.contains(".."),
				"the path must start with '/' and stay under the API base");
		return this.transport.call(HttpMethod.GET, this.apiBase + pathUnderApiBase, null, Map.of());
	}

	/**
	 * The Id of the user this client's token runs as, from the token response's {@code id} URL
	 * ({@code .../id/<orgId>/<userId>}). Not from UserInfo: that needs the {@code openid} scope, which the documented
	 * connected app does not grant, and it costs an API call.
	 */
	public String runningUserId() {
		return SalesforceIds.check(this.transport.runningUserId());
	}

	/** Updates one record. */
	public void update(SObjectUpdate update) {
		this.transport.call(HttpMethod.PATCH, this.apiBase + "/sobjects/" + update.type() + "/" + update.id(),
				update.fields(), Map.of());
	}

	/** Deletes one record. */
	public void delete(String type, String id) {
		this.transport.call(HttpMethod.DELETE,
				this.apiBase + "/sobjects/" + Soql.identifier(type) + "/" + SalesforceIds.check(id), null, Map.of());
	}

	/**
	 * Updates records through {@code /composite/sobjects} with {@code allOrNone=false}, in chunks of 200. A record
	 * Salesforce refuses is a failed outcome, not an exception.
	 * @return one outcome per update, in the order given
	 */
	public List<SaveOutcome> updateAll(List<SObjectUpdate> updates) {
		List<SaveOutcome> outcomes = new ArrayList<>(updates.size());
		for (List<SObjectUpdate> chunk : chunks(updates)) {
			List<Map<String, Object>> records = chunk.stream().map(SalesforceClient::compositeRecord).toList();
			Map<String, Object> body = Map.of("allOrNone", false, "records", records);
			JsonNode answer = this.transport.call(HttpMethod.PATCH, this.apiBase + "/composite/sobjects", body, Map.of());
			outcomes.addAll(pairByPosition(chunk.stream().map(SObjectUpdate::id).toList(), answer));
		}
		return outcomes;
	}

	/**
	 * Deletes records through {@code /composite/sobjects?ids=...&allOrNone=false}, in chunks of 200.
	 * @return one outcome per Id, in the order given
	 */
	public List<SaveOutcome> deleteAll(List<String> ids) {
		ids.forEach(SalesforceIds::check);
		List<SaveOutcome> outcomes = new ArrayList<>(ids.size());
		for (List<String> chunk : chunks(ids)) {
			JsonNode answer = this.transport.call(HttpMethod.DELETE,
					this.apiBase + "/composite/sobjects?ids=" + String.join(",", chunk) + "&allOrNone=false", null,
					Map.of());
			outcomes.addAll(pairByPosition(chunk, answer));
		}
		return outcomes;
	}

	private QueryPage page(String pathAndQuery, Consumer<String> onNextRecordsUrl) {
		return required(this.transport.call(HttpMethod.GET, pathAndQuery, null, queryOptions(),
				(body) -> QueryPage.read(this.transport.json(), body, onNextRecordsUrl)));
	}

	private Map<String, String> queryOptions() {
		return Map.of("Sforce-Query-Options", "batchSize=" + this.connection.batchSize());
	}

	private Stream<JsonNode> stream(Supplier<QueryPage> firstPage) {
		AtomicReference<@Nullable QueryPage> last = new AtomicReference<>();
		return PagedRecords.stream(() -> {
			QueryPage previous = last.get();
			if (previous != null && !previous.hasNext()) {
				return null;
			}
			QueryPage page = (previous == null) ? firstPage.get()
					: nextPage(Objects.requireNonNull(previous.nextRecordsUrl(), "hasNext() checked it"));
			last.set(page);
			return page.records();
		});
	}

	private List<SaveOutcome> pairByPosition(List<String> requestedIds, @Nullable JsonNode answer) {
		if (answer == null || !answer.isArray() || answer.size() != requestedIds.size()) {
			throw SalesforceApiException.unreadable(200, "the composite answer does not hold one result per record ("
					+ requestedIds.size() + " sent)");
		}
		List<SaveOutcome> outcomes = new ArrayList<>(requestedIds.size());
		for (int i = 0; i < requestedIds.size(); i++) {
			outcomes.add(new SaveOutcome(requestedIds.get(i), toSaveResult(answer.get(i))));
		}
		return outcomes;
	}

	private static SaveResult toSaveResult(JsonNode entry) {
		List<SalesforceError> errors = new ArrayList<>();
		entry.path("errors").forEach((error) -> errors.add(new SalesforceError(SalesforceRecords.text(error, "errorCode"),
				SalesforceRecords.text(error, "statusCode"), SalesforceRecords.text(error, "message"),
				fields(error.path("fields")))));
		return new SaveResult(SalesforceRecords.text(entry, "id"), entry.path("success").asBoolean(false),
				List.copyOf(errors));
	}

	private static List<String> fields(JsonNode fields) {
		List<String> names = new ArrayList<>();
		fields.forEach((field) -> names.add(field.asString()));
		return List.copyOf(names);
	}

	private static Map<String, Object> compositeRecord(SObjectUpdate update) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("attributes", Map.of("type", update.type()));
		record.put("id", update.id());
		record.putAll(update.fields());
		return record;
	}

	private static <T> List<List<T>> chunks(List<T> items) {
		List<List<T>> chunks = new ArrayList<>();
		for (int start = 0; start < items.size(); start += COMPOSITE_CHUNK_SIZE) {
			chunks.add(items.subList(start, Math.min(items.size(), start + COMPOSITE_CHUNK_SIZE)));
		}
		return chunks;
	}

	private static <T> T required(@Nullable T answer) {
		if (answer == null) {
			throw SalesforceApiException.unreadable(204, "Salesforce answered with no content where a body was due");
		}
		return answer;
	}

	private static String encode(String soql) {
		return URLEncoder.encode(soql, StandardCharsets.UTF_8);
	}

}
