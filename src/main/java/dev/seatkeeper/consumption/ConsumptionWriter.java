package dev.seatkeeper.consumption;

import java.util.List;

import dev.seatkeeper.job.RunKey;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Upserts consumption keyed by (profile, metric, period start): the latest reading of a period wins. */
public class ConsumptionWriter implements ItemWriter<Consumption> {

	private static final String UPSERT = """
			INSERT INTO consumption (profile, metric, period_start, period_end, allowed, used, source, captured_at,
			    persistent)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE period_end = VALUES(period_end), allowed = VALUES(allowed), used = VALUES(used),
			    source = VALUES(source), captured_at = VALUES(captured_at), persistent = VALUES(persistent)""";

	private final JdbcTemplate jdbc;

	private final RunKey run;

	public ConsumptionWriter(JdbcTemplate jdbc, RunKey run) {
		this.jdbc = jdbc;
		this.run = run;
	}

	@Override
	public void write(Chunk<? extends Consumption> chunk) {
		List<? extends Consumption> rows = chunk.getItems();
		this.jdbc.batchUpdate(UPSERT, rows, rows.size(), (statement, row) -> {
			statement.setString(1, this.run.profile());
			statement.setString(2, row.metric());
			statement.setObject(3, row.periodStart());
			statement.setObject(4, row.periodEnd());
			statement.setBigDecimal(5, row.allowed());
			statement.setBigDecimal(6, row.used());
			statement.setString(7, row.source().name());
			statement.setObject(8, this.run.asOfUtc());
			statement.setBoolean(9, row.persistent());
		});
	}

}
