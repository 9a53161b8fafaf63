package dev.seatkeeper.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.seatkeeper.job.ExitCode;
import org.junit.jupiter.api.Test;

/** The stop protocol without a JVM shutdown: what the context's close does to a launch in progress. */
class GracefulStopTests {

	private final NightlyJobRunner runner = mock(NightlyJobRunner.class);

	private final List<Integer> halts = new CopyOnWriteArrayList<>();

	@Test
	void closingDuringALaunchStopsItsJobAndWaitsForTheLaunchToReturn() throws Exception {
		GracefulStop stop = new GracefulStop(this.runner, Duration.ofSeconds(10), this.halts::add);
		CountDownLatch stopAsked = new CountDownLatch(1);
		doAnswer((call) -> {
			stopAsked.countDown();
			return null;
		}).when(this.runner).stopAll();
		CountDownLatch launched = new CountDownLatch(1);
		CompletableFuture<Integer> launch = CompletableFuture.supplyAsync(() -> stop.launching(() -> {
			launched.countDown();
			await(stopAsked);
			return ExitCode.STOPPED.code();
		}));
		assertThat(launched.await(5, TimeUnit.SECONDS)).isTrue();
		stop.start();

		stop.stop();

		assertThat(launch.get(5, TimeUnit.SECONDS)).isEqualTo(ExitCode.STOPPED.code());
		assertThat(stop.isRequested()).isTrue();
		assertThat(this.halts).as("not a JVM shutdown: the process is not ended").isEmpty();
	}

	@Test
	void aJobThatDoesNotStopWithinTheGracePeriodEndsTheProcessStopped() throws Exception {
		GracefulStop stop = new GracefulStop(this.runner, Duration.ofMillis(200), this.halts::add);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch launched = new CountDownLatch(1);
		CompletableFuture<Integer> launch = CompletableFuture.supplyAsync(() -> stop.launching(() -> {
			launched.countDown();
			await(release);
			return ExitCode.OK.code();
		}));
		assertThat(launched.await(5, TimeUnit.SECONDS)).isTrue();
		stop.start();

		stop.stop();

		verify(this.runner).stopAll();
		assertThat(this.halts).containsExactly(ExitCode.STOPPED.code());
		release.countDown();
		assertThat(launch.get(5, TimeUnit.SECONDS)).isZero();
	}

	@Test
	void closingWithoutALaunchInProgressAsksNothing() {
		GracefulStop stop = new GracefulStop(this.runner, Duration.ofSeconds(10), this.halts::add);
		stop.start();
		assertThat(stop.launching(() -> ExitCode.OK.code())).isZero();

		stop.stop();

		verify(this.runner, never()).stopAll();
		assertThat(stop.isRequested()).isFalse();
		assertThat(stop.isRunning()).isFalse();
		assertThat(this.halts).isEmpty();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
