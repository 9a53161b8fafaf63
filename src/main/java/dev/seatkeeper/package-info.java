/**
 * Seatkeeper: the executable's entry point. Everything else lives in a package of its own; the README's "How the code
 * is organised" lists them in run order.
 */
@NullMarked
package dev.seatkeeper;

import org.jspecify.annotations.NullMarked;
