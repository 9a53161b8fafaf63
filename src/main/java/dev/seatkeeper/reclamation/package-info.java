/**
 * Reclamation: which license holdings of inactive users become candidates, which users are never touched and why,
 * and the candidates' lifecycle. Rules and exclusions are plain code over {@link dev.seatkeeper.reclamation.Holding}
 * rows, with time taken only from the run's as-of instant so a restart decides the same.
 */
@NullMarked
package dev.seatkeeper.reclamation;

import org.jspecify.annotations.NullMarked;
