package dev.seatkeeper.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import javax.sql.DataSource;

import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-profile run lock on its own, on H2 and on the server: one holder at a time, a heartbeat while held, and a
 * holder that died (stale heartbeat, or its process on this host gone) taken over, a live one never.
 */
class RunLockTests {

	static final LocalDate RUN_DATE = LocalDate.parse("2026-11-27");

	static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(4);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aSecondLaunchWaitsThenGivesUpWhileTheFirstHoldsAndGetsTheLockOnceReleased(TestDatabase kind) {
		JdbcClient jdbc = JdbcClient.create(kind.fresh());
		RunLock first = new RunLock(jdbc, HEARTBEAT_TIMEOUT, Duration.ZERO);
		RunLock second = new RunLock(jdbc, HEARTBEAT_TIMEOUT, Duration.ofMillis(300));

		Optional<RunLock.Held> held = first.acquire("acme", RUN_DATE);
		assertThat(held).isPresent();
		assertThat(second.acquire("acme", RUN_DATE)).as("the same profile while held").isEmpty();
		Optional<RunLock.Held> other = second.acquire("globex", RUN_DATE);
		assertThat(other).as("another profile").isPresent();
		other.get().close();
		assertThat(second.holder("acme")).hasValueSatisfying((owner) -> assertThat(owner).contains(":"));

		held.get().close();
		assertThat(owners(jdbc, "acme")).isZero();
		Optional<RunLock.Held> after = second.acquire("acme", RUN_DATE);
		assertThat(after).isPresent();
		after.get().close();
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void theHolderBeatsWhileItHoldsSoItsLockNeverAges(TestDatabase kind) throws InterruptedException {
		JdbcClient jdbc = JdbcClient.create(kind.fresh());
		RunLock.Held held = new RunLock(jdbc, HEARTBEAT_TIMEOUT, Duration.ZERO).acquire("acme", RUN_DATE).orElseThrow();
		try (held) {
			jdbc.sql("UPDATE run_lock SET heartbeat_at = TIMESTAMPADD(SECOND, -60, CURRENT_TIMESTAMP)").update();
			LocalDateTime aged = heartbeat(jdbc);

			Thread.sleep(HEARTBEAT_TIMEOUT.toMillis() / 4 + 1500);

			assertThat(heartbeat(jdbc)).as("refreshed by the heartbeat").isAfter(aged.plusSeconds(50));
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aHolderOnAnotherHostIsTakenOverOnlyOnceItsHeartbeatIsStale(TestDatabase kind) {
		DataSource dataSource = kind.fresh();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		insertHolder(jdbc, "pod-elsewhere:1", 0);
		RunLock lock = new RunLock(jdbc, HEARTBEAT_TIMEOUT, Duration.ZERO);

		assertThat(lock.acquire("acme", RUN_DATE)).as("a live holder elsewhere").isEmpty();

		jdbc.sql("UPDATE run_lock SET heartbeat_at = TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP)")
			.param(-HEARTBEAT_TIMEOUT.toSeconds() - 2)
			.update();
		Optional<RunLock.Held> taken = lock.acquire("acme", RUN_DATE);
		assertThat(taken).as("a holder whose heartbeat stopped").isPresent();
		assertThat(lock.holder("acme")).isNotEqualTo(Optional.of("pod-elsewhere:1"));
		taken.get().close();
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aHolderWhoseProcessOnThisHostIsGoneIsTakenOverAtOnce(TestDatabase kind) throws Exception {
		JdbcClient jdbc = JdbcClient.create(kind.fresh());
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		String thisHost = java.net.InetAddress.getLocalHost().getHostName();
		insertHolder(jdbc, thisHost + ":" + gone.pid(), 0);

		assertThat(RunLock.isLocalProcessGone(thisHost + ":" + gone.pid())).isTrue();
		assertThat(RunLock.isLocalProcessGone(thisHost + ":" + ProcessHandle.current().pid())).isFalse();
		assertThat(RunLock.isLocalProcessGone("pod-elsewhere:" + gone.pid())).as("another host: cannot tell").isFalse();
		RunLock.Held held = new RunLock(jdbc, HEARTBEAT_TIMEOUT, Duration.ZERO).acquire("acme", RUN_DATE).orElseThrow();
		try (held) {
			assertThat(owners(jdbc, "acme")).isOne();
		}
	}

	private static void insertHolder(JdbcClient jdbc, String owner, int heartbeatAgeSeconds) {
		jdbc.sql("""
				INSERT INTO run_lock (profile, owner, run_date, acquired_at, heartbeat_at)
				VALUES ('acme', ?, ?, CURRENT_TIMESTAMP, TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP))""")
			.params(owner, RUN_DATE, -heartbeatAgeSeconds)
			.update();
	}

	private static LocalDateTime heartbeat(JdbcClient jdbc) {
		return jdbc.sql("SELECT heartbeat_at FROM run_lock WHERE profile = 'acme'").query(LocalDateTime.class).single();
	}

	private static int owners(JdbcClient jdbc, String profile) {
		return jdbc.sql("SELECT COUNT(*) FROM run_lock WHERE profile = ?").param(profile).query(Integer.class).single();
	}

}
