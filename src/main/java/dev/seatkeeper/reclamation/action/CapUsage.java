package dev.seatkeeper.reclamation.action;

/**
 * What already counts against a profile's caps: candidates whose reclaim write was sent in the last 24 hours and 7
 * days (each once, even when an interrupted write was sent again), and approved candidates waiting for a write.
 */
public record CapUsage(int writesLastDay, int writesLastWeek, int approvedInFlight) {
}
