package dev.seatkeeper.job;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A check the {@code connect} step makes before anything is written, such as whether the integration user may read
 * and change what the profile's steps need. It throws {@link OrgSetupException} to fail the run as invalid
 * configuration, and may leave what later steps should know in the job ExecutionContext (keys below). Runs again on
 * every restart of a run, as {@code connect} does.
 */
public interface ConnectCheck {

	/** Job context key: the {@code UserPermissions*} fields the org has and the user may read, comma-separated. */
	String USER_FEATURE_FIELDS = "userFeatureFields";

	/** Job context key: objects the user may not read that a step can do without, comma-separated. */
	String SKIPPED_OBJECTS = "skippedObjects";

	/** Checks the run's org ({@link RunContext#client()}) against what its profile needs. */
	void check(RunContext run, ExecutionContext jobContext);

	/** A comma-separated job context value as a list; {@code null} (not checked) as {@code null}. */
	static @Nullable List<String> list(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return Arrays.stream(value.split(",")).map(String::trim).filter((item) -> !item.isEmpty()).toList();
	}

}
