/**
 * Bulk writing: multi-row statements for the tables that take millions of rows a night; records that cannot be
 * stored, skipped and recorded instead of failing a night; the migration that makes every table utf8mb4.
 */
@NullMarked
package dev.seatkeeper.storage;

import org.jspecify.annotations.NullMarked;
