/**
 * The demo adapter: the only product code that knows the simulated org ({@code sandbox}). It serves profiles with a
 * {@code sandbox} section through {@link dev.seatkeeper.job.SimulatedOrgs} and builds the org the {@code sandbox}
 * command serves.
 */
@NullMarked
package dev.seatkeeper.demo;

import org.jspecify.annotations.NullMarked;
