/**
 * Step {@code downloadConsumption}: usage-based entitlements and API limits as consumption readings.
 */
@NullMarked
package dev.seatkeeper.consumption;

import org.jspecify.annotations.NullMarked;
