/**
 * Running SOQL against the org, query cursors and the records' JSON shape.
 */
@NullMarked
package dev.seatkeeper.sandbox.query;

import org.jspecify.annotations.NullMarked;
