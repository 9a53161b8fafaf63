/**
 * What the integration user must be allowed to read and change for a profile's run, checked at {@code connect}.
 */
@NullMarked
package dev.seatkeeper.access;

import org.jspecify.annotations.NullMarked;
