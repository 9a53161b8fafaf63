/**
 * What a run tells the outside world besides its tables: the log context (profile, run date, job execution and step
 * on every line, in plain or structured JSON logs) and the Prometheus Pushgateway the run's metrics are pushed to.
 */
@NullMarked
package dev.seatkeeper.observability;

import org.jspecify.annotations.NullMarked;
