package dev.seatkeeper.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.reconciliation.report.PositionReport;
import dev.seatkeeper.reconciliation.report.Reports;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Saving a run's position again (a restarted reconcile step) leaves exactly that position, on H2 and the server. */
class PositionStoreTests {

	static final RunKey RUN = new RunKey("acme", Instant.parse("2026-11-27T02:00:00Z"));

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void savingTheSameRunAgainRewritesItsRowsAndDropsWhatItNoLongerHas(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		PositionStore store = new PositionStore(jdbc);
		PositionReport sample = Reports.sample(Map.of());
		store.save(RUN, Reports.RUN_DATE, sample.models(), sample.consumption());
		store.save(new RunKey("acme", RUN.asOf()), Reports.RUN_DATE.minusDays(1), sample.models().subList(0, 1), List.of());

		store.save(RUN, Reports.RUN_DATE, sample.models().subList(1, sample.models().size()), sample.consumption());

		assertThat(store.positions("acme", Reports.RUN_DATE)).containsExactlyInAnyOrderElementsOf(
				sample.models().subList(1, sample.models().size()));
		assertThat(store.consumption("acme", Reports.RUN_DATE)).hasSameSizeAs(sample.consumption());
		assertThat(store.consumption("acme", Reports.RUN_DATE).get(1).projected())
			.isEqualByComparingTo(sample.consumption().get(0).projected());
		assertThat(store.runDates("acme", 10)).containsExactly(Reports.RUN_DATE, Reports.RUN_DATE.minusDays(1));
		assertThat(store.asOf("acme", Reports.RUN_DATE)).contains(RUN.asOf());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM v_latest_license_position WHERE run_date = ?", Integer.class,
				LocalDate.of(2026, 11, 27))).isEqualTo(sample.models().size() - 1);
	}

}
