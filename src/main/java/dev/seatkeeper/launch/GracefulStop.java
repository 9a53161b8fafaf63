package dev.seatkeeper.launch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

import dev.seatkeeper.job.ExitCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.SmartLifecycle;

/**
 * SIGTERM (Kubernetes stopping the pod) or SIGINT asks the running job to stop at its next chunk boundary, so the run
 * ends STOPPED with everything committed and the relaunch resumes exactly there; the process then exits with the
 * launch's code, {@link ExitCode#STOPPED} for a stopped run, as the CronJob's failure policy expects.
 * <p>The JVM turns the signal into its shutdown, Spring Boot's shutdown hook closes the context, and this bean is the
 * first to stop (highest phase): it asks the job to stop and waits, up to the grace period, for the launch to return,
 * while everything the job needs (database, Salesforce client) is still open. The context then closes as usual (an H2
 * database is closed cleanly). A JVM ended by a signal exits 143 whatever the code says, so, once the contexts are
 * closed, a Spring Boot shutdown handler ends the process with the launch's code instead. If the job has not stopped
 * within the grace period, the process exits STOPPED at once and the next launch recovers the execution.
 * <p>Thread-safe: launches run on the main thread, {@link #stop()} on the shutdown hook's.
 */
public class GracefulStop implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(GracefulStop.class);

	private final NightlyJobRunner runner;

	private final Duration grace;

	private final IntConsumer halt;

	private final AtomicBoolean requested = new AtomicBoolean();

	private volatile @Nullable CompletableFuture<Integer> launch;

	private volatile @Nullable Integer exitOnShutdown;

	private volatile boolean running;

	public GracefulStop(NightlyJobRunner runner, Duration grace) {
		this(runner, grace, (code) -> Runtime.getRuntime().halt(code));
	}

	GracefulStop(NightlyJobRunner runner, Duration grace, IntConsumer halt) {
		this.runner = runner;
		this.grace = grace;
		this.halt = halt;
	}

	/**
	 * Runs the launches of one command (one profile, or every one for {@code run --all}) so that a shutdown during
	 * them waits for them, and gives their exit code.
	 */
	public int launching(IntSupplier launches) {
		CompletableFuture<Integer> current = new CompletableFuture<>();
		this.launch = current;
		try {
			int code = launches.getAsInt();
			current.complete(code);
			return code;
		}
		catch (RuntimeException | Error ex) {
			current.complete(ExitCode.FAILED.code());
			throw ex;
		}
		finally {
			this.launch = null;
		}
	}

	/** Whether a stop was asked for: launches not yet begun should not begin. */
	public boolean isRequested() {
		return this.requested.get();
	}

	@Override
	public void start() {
		this.running = true;
		SpringApplication.getShutdownHandlers().add(this::exitWithTheLaunchCode);
	}

	/** Called as the context closes: waits for a launch in progress after asking its job to stop. */
	@Override
	public void stop() {
		this.running = false;
		CompletableFuture<Integer> current = this.launch;
		if (current == null || !this.requested.compareAndSet(false, true)) {
			return;
		}
		logger.warn("Shutdown requested: stopping the job at the next chunk boundary (grace {}s)", this.grace.toSeconds());
		this.runner.stopAll();
		Integer code;
		try {
			code = current.get(this.grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			logger.error("The job did not stop within {}s; exiting. The next launch recovers and restarts it.",
					this.grace.toSeconds());
			this.halt.accept(ExitCode.STOPPED.code());
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (ExecutionException ex) {
			code = ExitCode.FAILED.code();
		}
		if (jvmIsShuttingDown()) {
			this.exitOnShutdown = code;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stopped first, before anything the job uses. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	private void exitWithTheLaunchCode() {
		Integer code = this.exitOnShutdown;
		if (code != null) {
			this.halt.accept(code);
		}
	}

	/** A context closed by a test or by {@code SpringApplication.exit} must not end the JVM: only a signal's shutdown. */
	private static boolean jvmIsShuttingDown() {
		Thread probe = new Thread(() -> {
		});
		try {
			Runtime.getRuntime().addShutdownHook(probe);
			Runtime.getRuntime().removeShutdownHook(probe);
			return false;
		}
		catch (IllegalStateException ex) {
			return true;
		}
	}

}
