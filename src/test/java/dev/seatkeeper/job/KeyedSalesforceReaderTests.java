package dev.seatkeeper.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.seatkeeper.salesforce.KeyedQuery;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SandboxClients;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.fault.Faults;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The keyed reader on its own against the sandbox: the key of the last item handed out is what the step's
 * ExecutionContext keeps, a reader opened on that context resumes right after it (nothing read twice, nothing
 * skipped), and a query locator that expires mid-read is replaced by the same query from the last key.
 */
class KeyedSalesforceReaderTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final KeyedQuery USERS = KeyedQuery.byId("User", List.of("Id", "Username"), null, 100_000);

	static Sandbox sandbox;

	static SalesforceClient client;

	@BeforeAll
	static void start() {
		sandbox = Sandbox.builder().users(4500).seed(8).loginDays(1).now(NOW).build().start();
		client = SandboxClients.connect(sandbox);
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@BeforeEach
	void clear() {
		sandbox.faults().reset();
		sandbox.requests().clear();
	}

	@Test
	void aReaderOpenedOnTheSavedContextResumesRightAfterTheLastItemHandedOut() throws Exception {
		ExecutionContext context = MetaDataInstanceFactory.createStepExecution().getExecutionContext();
		KeyedSalesforceReader<String> first = reader();
		first.open(context);
		List<String> read = read(first, 2345);
		first.update(context);
		first.close();
		assertThat(context.getString("users.last.id")).isEqualTo(read.get(read.size() - 1));
		sandbox.requests().clear();

		KeyedSalesforceReader<String> resumed = reader();
		resumed.open(context);
		read.addAll(read(resumed, Integer.MAX_VALUE));
		resumed.close();

		assertThat(read).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(allUserIds());
		assertThat(queries()).first().asString().contains("WHERE Id > '" + context.getString("users.last.id") + "'");
	}

	@Test
	void anExpiredQueryLocatorIsReplacedByTheSameQueryFromTheLastKey() throws Exception {
		KeyedSalesforceReader<String> reader = reader();
		sandbox.faults().afterCalls(1, Faults::expireQueryLocators);
		reader.open(new ExecutionContext());
		List<String> read = read(reader, Integer.MAX_VALUE);
		reader.close();

		assertThat(read).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(allUserIds());
		assertThat(sandbox.requests().entries()).anySatisfy((entry) -> assertThat(entry.status()).isEqualTo(400));
		assertThat(queries()).as("the query again, from a key")
			.anySatisfy((soql) -> assertThat(soql).contains("WHERE Id > '"));
	}

	/**
	 * The reader inside a real chunk-oriented step and job repository (H2), run with spring-batch-test: the step
	 * fails in its third chunk, and the restart of the same job instance writes exactly the users not yet committed,
	 * starting from the key the last committed chunk saved.
	 */
	@Test
	void aChunkedStepThatFailsResumesFromItsLastCommittedKeyWhenTheJobIsRestarted() throws Exception {
		EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
			.setType(EmbeddedDatabaseType.H2)
			.addScript("/org/springframework/batch/core/schema-h2.sql")
			.build();
		try {
			DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
			JdbcJobRepositoryFactoryBean repositoryFactory = new JdbcJobRepositoryFactoryBean();
			repositoryFactory.setDataSource(database);
			repositoryFactory.setTransactionManager(transactions);
			repositoryFactory.afterPropertiesSet();
			JobRepository repository = repositoryFactory.getObject();
			JobOperatorFactoryBean operatorFactory = new JobOperatorFactoryBean();
			operatorFactory.setJobRepository(repository);
			operatorFactory.setTransactionManager(transactions);
			operatorFactory.setJobRegistry(new MapJobRegistry());
			operatorFactory.afterPropertiesSet();
			JobOperatorTestUtils batch = new JobOperatorTestUtils(operatorFactory.getObject(), repository);
			JobParameters parameters = batch.getUniqueJobParameters();
			List<String> committed = new ArrayList<>();

			batch.setJob(usersJob(repository, transactions, committed, 3));
			JobExecution failed = batch.startJob(parameters);
			StepExecution stored = repository.getLastStepExecution(failed.getJobInstance(), "downloadUsers");
			String savedKey = Objects.requireNonNull(stored).getExecutionContext().getString("users.last.id");
			sandbox.requests().clear();
			batch.setJob(usersJob(repository, transactions, committed, 0));
			JobExecution restarted = batch.startJob(parameters);

			assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(savedKey).isEqualTo(committed.get(2 * 500 - 1));
			assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
			assertThat(committed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(allUserIds());
			assertThat(queries()).first().asString().contains("WHERE Id > '" + savedKey + "'");
		}
		finally {
			database.shutdown();
		}
	}

	/** A job of one chunked step reading users, committing ids 500 at a time; chunk {@code failingChunk} fails. */
	private static Job usersJob(JobRepository repository, DataSourceTransactionManager transactions,
			List<String> committed, int failingChunk) {
		int[] chunks = { 0 };
		ItemWriter<String> writer = (chunk) -> {
			if (++chunks[0] == failingChunk) {
				throw new IllegalStateException("the database refused chunk " + failingChunk);
			}
			committed.addAll(chunk.getItems());
		};
		Step step = new StepBuilder("downloadUsers", repository).<String, String>chunk(500)
			.transactionManager(transactions)
			.reader(reader())
			.writer(writer)
			.build();
		return new JobBuilder("users", repository).start(step).build();
	}

	private static KeyedSalesforceReader<String> reader() {
		return new KeyedSalesforceReader<>("users", client, USERS, (record) -> record.path("Id").asString(),
				new ProgressLog(Duration.ofHours(1)));
	}

	private static List<String> read(KeyedSalesforceReader<String> reader, int most) throws Exception {
		List<String> ids = new ArrayList<>();
		for (String id = reader.read(); id != null; id = (ids.size() < most) ? reader.read() : null) {
			ids.add(id);
		}
		return ids;
	}

	private static List<String> allUserIds() {
		return sandbox.org().table(OrgTypes.USER).rows().stream().map(Row::id).toList();
	}

	/** The SOQL of each query (not query-more) the org answered, in order. */
	private static List<String> queries() {
		return sandbox.requests()
			.entries()
			.stream()
			.filter((entry) -> entry.pathAndQuery().contains("/query?q="))
			.map((entry) -> URLDecoder.decode(entry.pathAndQuery().substring(entry.pathAndQuery().indexOf("q=") + 2),
					StandardCharsets.UTF_8))
			.toList();
	}

}
