/**
 * Usage depth: who creates and edits the records their licenses are for ({@code recordActivity}), which seats a
 * cheaper license would cover.
 */
@NullMarked
package dev.seatkeeper.usage;

import org.jspecify.annotations.NullMarked;
