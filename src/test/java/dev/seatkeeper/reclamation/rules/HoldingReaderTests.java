package dev.seatkeeper.reclamation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.seatkeeper.storage.SkippedRecords;
import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.subscription.SalesforceUser;
import dev.seatkeeper.subscription.UserWriter;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

/** Holdings read a page at a time come out whole: every one once, in (user, model) order, across page boundaries. */
class HoldingReaderTests {

	static final RunKey RUN = new RunKey("acme", Instant.parse("2026-11-27T02:00:00Z"));

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void holdingsAcrossSeveralPagesAreEachReadOnceInKeyOrder(TestDatabase database) throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		// Three models a user, and some users without any, so pages of users hold uneven numbers of holdings.
		int users = HoldingReader.PAGE + 1_234;
		List<SalesforceUser> written = IntStream.range(0, users)
			.mapToObj(i -> new SalesforceUser("005%015d".formatted(i), "user" + i + "@acme.example", null, null,
					"Standard", "Sales", "SFDC", i % 10 != 0, null, RUN.asOf(), RUN.asOf(),
					List.of("UserLicense:SFDC", "FeatureLicense:Marketing", "FeatureLicense:Offline")))
			.toList();
		new UserWriter(jdbc, RUN, new SkippedRecords(jdbc, RUN.profile(), 1, "downloadSubscriptions", RUN.asOfUtc())).write(new Chunk<>(written));

		List<String> keys = new ArrayList<>();
		new HoldingReader(jdbc).holdings("acme").forEach(holding -> keys.add(holding.userId() + "/" + holding.model()));

		List<String> expected = written.stream()
			.filter(SalesforceUser::active)
			.flatMap(user -> user.heldModels().stream().sorted().map(model -> user.id() + "/" + model))
			.toList();
		assertThat(expected).hasSizeGreaterThan(2 * HoldingReader.PAGE);
		assertThat(keys).containsExactlyElementsOf(expected);
	}

}
