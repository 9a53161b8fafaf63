/**
 * Plain-text tables for the console: aligned columns that follow the terminal's width, wrapping the columns that may
 * wrap rather than cutting what people copy (model identifiers, usernames), and amounts with thousands separators.
 */
@NullMarked
package dev.seatkeeper.table;

import org.jspecify.annotations.NullMarked;
