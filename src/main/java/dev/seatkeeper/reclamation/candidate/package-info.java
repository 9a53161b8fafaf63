/**
 * Reclamation candidates: their states and lifecycle from NEW to RECLAIMED, the store with its audit trail,
 * recording a run's decisions, auto-approval, and the figures reconciliation reads.
 */
@NullMarked
package dev.seatkeeper.reclamation.candidate;

import org.jspecify.annotations.NullMarked;
