package dev.seatkeeper.storage;

import static dev.seatkeeper.testsupport.TableAssert.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import dev.seatkeeper.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows written by multi-row statements come back exactly as given, whatever the text holds, on H2 and the server. */
class MultiRowInsertTests {

	static final String HEAD = "INSERT INTO login_event (profile, event_id, user_id, login_time, status, login_type, application)";

	static final String UPSERT = "ON DUPLICATE KEY UPDATE status = VALUES(status), application = VALUES(application)";

	record Event(String id, LocalDateTime time, @Nullable String status, @Nullable String application) {
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void textThatWouldBreakAStringLiteralIsStoredAsIs(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		List<String> hostile = List.of("O'Brien", "a\\'); DROP TABLE login_event; --", "back\\slash\\", "quote''twice",
				"line\nbreak\r\ttab", "nul\u0000byte", "\u001a ctrl-Z", "accents éàü 日本 😀", "", "\"double\"", "%_ like");
		List<Event> events = new ArrayList<>();
		for (int i = 0; i < hostile.size(); i++) {
			events.add(new Event("0Ya0000000000%02d".formatted(i), LocalDateTime.of(2026, 11, 25, 14, 3, 7), hostile.get(i), null));
		}

		insert(jdbc).execute(events);

		assertThat(jdbc.queryForList("SELECT status FROM login_event ORDER BY event_id", String.class))
			.containsExactlyElementsOf(hostile);
		assertThat(jdbc.queryForList("SELECT application FROM login_event", String.class)).containsOnlyNulls();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_event WHERE login_time = '2026-11-25 14:03:07'",
				Integer.class)).isEqualTo(hostile.size());
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void plainTextWrittenAsAQuotedLiteralIsStoredAsIs(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		List<String> plain = List.of("Success", "Remote Access 2.0", "ana.o-brien@acme.com", "https://x.test/a?b", "50% (a_b)",
				"#1; x=y & z!*", "--", "/* not a comment */", "a:b,c+d");
		List<Event> events = new ArrayList<>();
		for (int i = 0; i < plain.size(); i++) {
			events.add(new Event("0Ya0000000000%02d".formatted(i), LocalDateTime.of(999 + i * 1000, 1 + i, 9 + i, i, 59 - i, i),
					plain.get(i), null));
		}

		insert(jdbc).execute(events);

		assertThat(jdbc.queryForList("SELECT status FROM login_event ORDER BY event_id", String.class))
			.containsExactlyElementsOf(plain);
		assertThat(jdbc.queryForList("SELECT login_time FROM login_event ORDER BY event_id", LocalDateTime.class))
			.containsExactlyElementsOf(events.stream().map(Event::time).toList());
	}

	@Test
	void timesAreFormattedAsTheFormatterFormatsThemAndOnlyHarmlessTextIsLeftPlain() {
		DateTimeFormatter formatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
		Random random = new Random(7);
		for (int i = 0; i < 10_000; i++) {
			LocalDateTime time = LocalDateTime.ofEpochSecond(random.nextLong(-30_000_000_000L, 250_000_000_000L),
					random.nextInt(1_000_000_000), ZoneOffset.UTC);
			StringBuilder sql = new StringBuilder();
			new SqlLiteralRow(sql).time(time);
			assertThat(sql.toString()).isEqualTo("'" + formatter.format(time) + "'");
		}
		assertThat(List.of("O'Brien", "back\\slash", "tab\t", "\"q\"", "é", "what?", "`tick`", "a\u0000b"))
			.noneMatch(SqlLiteralRow::isPlain);
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void rowsBeyondOneStatementAreAllWrittenAndTheTailAppliesToEach(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		String padding = "x".repeat(200);
		List<Event> events = IntStream.range(0, 6_000)
			.mapToObj(i -> new Event("0Ya%014d".formatted(i), LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(i), "Failed",
					padding))
			.toList();
		MultiRowInsert<Event> insert = insert(jdbc);
		insert.execute(events);
		insert.execute(events.stream().map(e -> new Event(e.id(), e.time(), "Success", e.application())).toList());

		assertThat(jdbc.queryForList("SELECT status, COUNT(*) AS n FROM login_event GROUP BY status"))
			.containsExactly(Map.of("status", "Success", "n", 6_000L));
		assertThat(jdbc.queryForObject("SELECT MAX(login_time) FROM login_event", LocalDateTime.class))
			.isEqualTo(LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(5_999));
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aRowWithTheWrongNumberOfValuesIsRefusedBeforeAnythingIsSent(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		MultiRowInsert<Event> missingColumn = new MultiRowInsert<>(jdbc, HEAD, UPSERT, 7,
				(event, row) -> row.text("acme").text(event.id()));

		assertThatIllegalStateException()
			.isThrownBy(() -> missingColumn.execute(List.of(new Event("0Ya000000000001", LocalDateTime.now(), null, null))))
			.withMessage("A row has 2 values for 7 columns");
		assertThatTable(jdbc, "login_event").isEmpty();
	}

	private static MultiRowInsert<Event> insert(JdbcTemplate jdbc) {
		return new MultiRowInsert<>(jdbc, HEAD, UPSERT, 7, (event, row) -> row.text("acme")
			.text(event.id())
			.text("005000000000001")
			.time(event.time())
			.text(event.status())
			.text("Application")
			.text(event.application()));
	}

}
