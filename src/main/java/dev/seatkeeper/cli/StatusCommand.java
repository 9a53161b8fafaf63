package dev.seatkeeper.cli;

import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.ExitCode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: recent runs from the job repository (the {@code v_runs} operator view), newest first. */
@Command(name = "status", description = "Show recent runs from the job repository.")
public class StatusCommand extends ConsoleCommand {

	private final JdbcClient jdbc;

	@Option(names = "--limit", defaultValue = "20", description = "How many runs to show (default ${DEFAULT-VALUE}).")
	int limit;

	@Option(names = "--profile", description = "Only this profile.")
	@Nullable String profile;

	public StatusCommand(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Integer call() {
		List<Map<String, Object>> runs = this.jdbc.sql("""
				SELECT execution_id, profile, run_date, status, exit_code, started_at, duration_seconds,
				       read_count, write_count, skip_count + skipped_records AS skipped, exit_message
				FROM v_runs WHERE (:profile IS NULL OR profile = :profile)
				ORDER BY execution_id DESC LIMIT :limit""")
			.param("profile", this.profile)
			.param("limit", this.limit)
			.query()
			.listOfRows();
		if (runs.isEmpty()) {
			out().println("No runs yet.");
			return ExitCode.OK.code();
		}
		String format = "%-9s %-20s %-10s %-10s %4s %-19s %8s %10s %10s %7s  %s%n";
		out().printf(format, "execution", "profile", "run date", "status", "exit", "started (UTC)", "seconds", "read",
				"written", "skipped", "message");
		for (Map<String, Object> run : runs) {
			out().printf(format, run.get("execution_id"), run.get("profile"), run.get("run_date"), run.get("status"),
					text(run.get("exit_code"), 4), text(run.get("started_at"), 19).replace('T', ' '),
					text(run.get("duration_seconds"), 8), run.get("read_count"),
					run.get("write_count"), run.get("skipped"), text(run.get("exit_message"), 400));
		}
		return ExitCode.OK.code();
	}

	private static String text(@Nullable Object value, int width) {
		if (value == null) {
			return "-";
		}
		String text = value.toString().replace('\n', ' ');
		return (text.length() > width) ? text.substring(0, width - 1) + "…" : text;
	}

}
