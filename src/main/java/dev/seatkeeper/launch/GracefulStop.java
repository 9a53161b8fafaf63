package dev.seatkeeper.launch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.seatkeeper.job.ExitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (Kubernetes stopping the pod) asks the running job to stop at its next chunk boundary, so the run ends
 * STOPPED with everything committed and the relaunch resumes exactly there; the process then exits with
 * {@link ExitCode#STOPPED}. If the job has not stopped within the grace period, the process exits anyway and the
 * next launch recovers the execution. Without this, the JVM's shutdown would kill the job mid-chunk.
 */
public class GracefulStop {

	private static final Logger logger = LoggerFactory.getLogger(GracefulStop.class);

	private final NightlyJobRunner runner;

	private final Duration grace;

	private final AtomicBoolean requested = new AtomicBoolean();

	public GracefulStop(NightlyJobRunner runner, Duration grace) {
		this.runner = runner;
		this.grace = grace;
	}

	/** Takes over SIGTERM for this process (and SIGINT, for a terminal). */
	public void install() {
		Signal.handle(new Signal("TERM"), signal -> request("SIGTERM"));
		Signal.handle(new Signal("INT"), signal -> request("SIGINT"));
	}

	public boolean isRequested() {
		return this.requested.get();
	}

	void request(String reason) {
		if (!this.requested.compareAndSet(false, true)) {
			return;
		}
		logger.warn("{}: stopping the job at the next chunk boundary (grace {}s)", reason, this.grace.toSeconds());
		this.runner.stopAll();
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(this.grace.toMillis());
				logger.error("The job did not stop within {}s; exiting. The next launch recovers and restarts it.",
						this.grace.toSeconds());
				Runtime.getRuntime().halt(ExitCode.STOPPED.code());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "graceful-stop-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

}
