package dev.seatkeeper.sandbox.soql;

/** A node of the WHERE clause: decides one record. Implementations are immutable and so thread-safe. */
interface Condition {

	boolean test(SoqlRecord record);

}
