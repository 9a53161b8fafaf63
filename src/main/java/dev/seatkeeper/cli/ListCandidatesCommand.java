package dev.seatkeeper.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.CandidateKey;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import dev.seatkeeper.reclamation.candidate.ListedCandidate;
import dev.seatkeeper.table.Csv;
import dev.seatkeeper.table.TextTable.Column;
import dev.seatkeeper.table.TextTable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code candidates list}: candidates matching the filters, oldest first, with the user's username and name and why
 * they are in their state: the operator's decision, else the reason, else what became of the user's notice. As an
 * aligned table that fits the terminal (the license and note wrap; {@code --wide} never wraps), or as JSON or CSV
 * with every field.
 */
@Command(name = "list", description = "List candidates (filter by --profile, --state, --rule).")
public class ListCandidatesCommand extends FilteredCandidatesCommand {

	enum Format {

		TABLE, JSON, CSV

	}

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private static final List<String> CSV_HEADER = List.of("id", "profile", "user_id", "username", "name", "license",
			"rule", "action", "state", "state_changed_at", "last_activity_at", "note");

	private final CandidateStore store;

	@Option(names = "--format", defaultValue = "table", description = "table, json or csv (default ${DEFAULT-VALUE}).")
	Format format = Format.TABLE;

	@Option(names = "--wide", description = "Never wrap the table, whatever the terminal's width.")
	boolean wide;

	public ListCandidatesCommand(CandidateStore store) {
		this.store = store;
	}

	@Override
	public Integer call() {
		PrintWriter out = out();
		List<ListedCandidate> candidates = this.store.findWithUsers(filter());
		if (candidates.isEmpty() && this.format == Format.TABLE) {
			out.println("No candidates match.");
			return ExitCode.OK.code();
		}
		out.print(switch (this.format) {
			case TABLE -> table(candidates, this.wide ? TerminalWidth.UNLIMITED : TerminalWidth.detect());
			case JSON -> Json.MAPPER.writeValueAsString(candidates.stream().map(Row::of).toList()) + "\n";
			case CSV -> csv(candidates);
		});
		out.flush();
		return ExitCode.OK.code();
	}

	static String table(List<ListedCandidate> candidates, int width) {
		TextTable table = TextTable.of(Column.number("id"), Column.text("profile"), Column.text("username"),
				Column.wrapped("name"), Column.wrapped("license"), Column.text("rule"), Column.text("state"),
				Column.text("last activity (UTC)"), Column.wrapped("note"));
		for (ListedCandidate listed : candidates) {
			Candidate candidate = listed.candidate();
			CandidateKey key = candidate.key();
			table.row(candidate.id(), key.profile(), (listed.username() != null) ? listed.username() : key.userId(),
					listed.name(), key.model(), key.rule(), candidate.state(), minutes(candidate.lastActivityAt()),
					note(candidate));
		}
		return table.render(width);
	}

	private static String csv(List<ListedCandidate> candidates) {
		StringBuilder csv = new StringBuilder(Csv.line(CSV_HEADER));
		for (ListedCandidate listed : candidates) {
			Row row = Row.of(listed);
			csv.append(Csv.line(Stream.of(row.id(), row.profile(), row.userId(), row.username(), row.name(),
					row.license(), row.rule(), row.action(), row.state(), row.stateChangedAt(), row.lastActivityAt(),
					row.note())
				.map(value -> (value != null) ? value.toString() : "")
				.toList()));
		}
		return csv.toString();
	}

	private static @Nullable String note(Candidate candidate) {
		if (candidate.decidedBy() != null) {
			return "decided by " + candidate.decidedBy() + " at " + candidate.decidedAt();
		}
		return (candidate.reason() != null) ? candidate.reason() : candidate.notice();
	}

	private static String minutes(@Nullable Instant at) {
		return (at != null) ? MINUTES.format(at) : "never";
	}

	/**
	 * The JSON mapper, built on first use: picocli instantiates this command for {@code candidates list --help}, and a
	 * mapper built with the class costs that help hundreds of Jackson classes and most of a second.
	 */
	private static final class Json {

		static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	}

	/** One candidate in JSON and CSV: every field, instants in ISO-8601 UTC, nulls kept. */
	record Row(long id, String profile, String userId, @Nullable String username, @Nullable String name,
			String license, String rule, String action, String state, Instant stateChangedAt,
			@Nullable Instant lastActivityAt, @Nullable String note) {

		static Row of(ListedCandidate listed) {
			Candidate candidate = listed.candidate();
			CandidateKey key = candidate.key();
			return new Row(candidate.id(), key.profile(), key.userId(), listed.username(), listed.name(), key.model(),
					key.rule(), candidate.action().name(), candidate.state().name(), candidate.stateChangedAt(),
					candidate.lastActivityAt(), ListCandidatesCommand.note(candidate));
		}

	}

}
