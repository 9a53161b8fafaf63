/**
 * Reclamation's two steps, wired here: {@code applyReclamationRules} (rules decide, candidates are recorded) and
 * {@code reclaim} (actions write to Salesforce). What they decide and write lives in {@code rules},
 * {@code candidate}, {@code action} and {@code notice}.
 */
@NullMarked
package dev.seatkeeper.reclamation;

import org.jspecify.annotations.NullMarked;
