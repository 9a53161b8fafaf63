package dev.seatkeeper.storage;

/** Why one field of a downloaded record cannot be stored; the record is skipped and the night goes on. */
public record Unstorable(String field, String reason) {

}
