package dev.seatkeeper.job;

/**
 * The nightly job's parameters. {@code profile} and {@code runDate} identify a job instance (one per profile and
 * date); the others only change how one launch behaves.
 */
public final class RunParameters {

	public static final String PROFILE = "profile";

	public static final String RUN_DATE = "runDate";

	/** Non-identifying: the operator who lifted the reclaim caps for this launch ({@code run --override-caps}). */
	public static final String OVERRIDE_CAPS_BY = "overrideCapsBy";

	/**
	 * Non-identifying: the profiles directory the launcher read the profile from ({@code run --profiles-dir}), so a
	 * restart, with or without the launcher, reads the profile again from the same place.
	 */
	public static final String PROFILES_DIR = "profilesDir";

	private RunParameters() {
	}

}
