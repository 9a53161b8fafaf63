/**
 * Bulk writing: multi-row statements for the tables that take millions of rows a night.
 */
@NullMarked
package dev.seatkeeper.storage;

import org.jspecify.annotations.NullMarked;
