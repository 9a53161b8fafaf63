/**
 * Runtime-switchable faults and the request log.
 */
@NullMarked
package dev.seatkeeper.sandbox.fault;

import org.jspecify.annotations.NullMarked;
