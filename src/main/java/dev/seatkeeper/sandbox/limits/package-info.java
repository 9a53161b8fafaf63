/**
 * The daily API request budget.
 */
@NullMarked
package dev.seatkeeper.sandbox.limits;

import org.jspecify.annotations.NullMarked;
