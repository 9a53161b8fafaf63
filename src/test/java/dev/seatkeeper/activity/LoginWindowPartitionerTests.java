package dev.seatkeeper.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The windows pullActivity pages at once: together they cover the range to fetch exactly once, in order, with no
 * gap and no overlap; a restart (same watermark and as-of) gets the same windows, so each partition resumes its own.
 */
class LoginWindowPartitionerTests {

	static final Instant AS_OF = Instant.parse("2026-11-27T02:00:00Z");

	@ParameterizedTest
	@CsvSource({ "90, 1, 4", "90, 4, 4", "30, 3, 24", "1, 4, 24", "400, 8, 168", "0, 4, 24" })
	void windowsCoverTheRangeOnceEachAndAreSharedEvenlyByTheCursors(int days, int cursors, int widthHours) {
		Instant from = AS_OF.minus(Duration.ofDays(days)).minusSeconds(17);
		List<Instant[]> windows = windows(new LoginWindowPartitioner(from, AS_OF, Duration.ofHours(widthHours), cursors));

		assertThat(windows).isNotEmpty();
		assertThat(windows.get(0)[0]).isEqualTo(from);
		assertThat(windows.get(windows.size() - 1)[1]).isEqualTo(AS_OF);
		for (int i = 1; i < windows.size(); i++) {
			assertThat(windows.get(i)[0]).as("window %d starts where %d ends", i, i - 1).isEqualTo(windows.get(i - 1)[1]);
		}
		for (Instant[] window : windows) {
			assertThat(window[1]).isAfterOrEqualTo(window[0]);
			if (windows.size() > 1) {
				assertThat(Duration.between(window[0], window[1])).as("never narrower than an hour")
					.isGreaterThanOrEqualTo(Duration.ofHours(1).minusSeconds(1));
			}
		}
		if (Duration.between(from, AS_OF).toHours() >= (long) LoginWindowPartitioner.WINDOWS_PER_CURSOR * cursors) {
			assertThat(windows.size() % cursors).as("as many windows for each cursor").isZero();
			assertThat(windows.size()).isGreaterThanOrEqualTo(LoginWindowPartitioner.WINDOWS_PER_CURSOR * cursors);
		}
	}

	@Test
	void aRestartWithTheSameWatermarkAndAsOfFindsTheSameWindowsUnderTheSameNames() {
		Instant from = AS_OF.minus(Duration.ofDays(35));
		Map<String, ExecutionContext> first = new LoginWindowPartitioner(from, AS_OF, Duration.ofDays(1), 4).partition(1);
		Map<String, ExecutionContext> again = new LoginWindowPartitioner(from, AS_OF, Duration.ofDays(1), 4).partition(9);

		assertThat(again.keySet()).containsExactlyElementsOf(first.keySet());
		first.forEach((name, context) -> assertThat(again.get(name).getString(LoginWindowPartitioner.FROM))
			.isEqualTo(context.getString(LoginWindowPartitioner.FROM)));
	}

	@Test
	void lessThanAnHourToFetchIsOneWindow() {
		Instant from = AS_OF.minus(Duration.ofMinutes(40));
		List<Instant[]> windows = windows(new LoginWindowPartitioner(from, AS_OF, Duration.ofDays(1), 4));

		assertThat(windows).hasSize(1);
		assertThat(windows.get(0)).containsExactly(from, AS_OF);
	}

	private static List<Instant[]> windows(LoginWindowPartitioner partitioner) {
		List<Instant[]> windows = new ArrayList<>();
		partitioner.partition(1)
			.forEach((name, context) -> windows.add(new Instant[] { Instant.parse(context.getString(LoginWindowPartitioner.FROM)),
					Instant.parse(context.getString(LoginWindowPartitioner.TO)) }));
		return windows;
	}

}
