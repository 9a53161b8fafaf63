package dev.seatkeeper.job;

/**
 * The process exit codes, documented in the README and mapped in the Kubernetes manifests. Each outcome an
 * operator or a scheduler must tell apart has its own code.
 */
public enum ExitCode {

	/** The work asked for is done. */
	OK(0),
	/** A job ran and failed; relaunching the same parameters restarts it from its last commit. */
	FAILED(1),
	/** Profiles or settings are invalid; nothing was run and retrying will not help. */
	INVALID_CONFIGURATION(2),
	/** The job stopped cleanly (API budget reached, SIGTERM); relaunching resumes it. */
	STOPPED(3),
	/** This profile and run date already completed; nothing was rerun. */
	ALREADY_COMPLETE(4),
	/** Another process is running this profile and run date right now. */
	ALREADY_RUNNING(5),
	/** A report was asked for a profile and run date that has no stored position (no completed run reached it). */
	NOTHING_TO_REPORT(6),
	/** The command line itself is wrong (unknown subcommand or option). */
	USAGE(64);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

	/** The worse of two outcomes, for commands that run several jobs ({@code run --all}). */
	public ExitCode worse(ExitCode other) {
		return severity() >= other.severity() ? this : other;
	}

	private int severity() {
		return switch (this) {
			case OK -> 0;
			case ALREADY_COMPLETE -> 1;
			case STOPPED -> 2;
			case ALREADY_RUNNING -> 3;
			case NOTHING_TO_REPORT -> 3;
			case FAILED -> 4;
			case INVALID_CONFIGURATION -> 5;
			case USAGE -> 6;
		};
	}

}
