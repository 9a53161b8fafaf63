/**
 * The nightly job's definition and what its steps share: the step order, the run's key (profile and as-of instant),
 * the org sessions, the keyed Salesforce reader every download uses, the {@code connect} step, budget stops,
 * progress and log context, and how an ended run is told (its exit code and one-line reason, stored in
 * {@code run_exit}). Each step itself lives in the package of its feature.
 */
@NullMarked
package dev.seatkeeper.job;

import org.jspecify.annotations.NullMarked;
