/**
 * The sandbox org: a simulated Salesforce org speaking the REST wire format, for the demo, integration tests and benchmarks.
 */
@NullMarked
package dev.seatkeeper.sandbox;

import org.jspecify.annotations.NullMarked;
