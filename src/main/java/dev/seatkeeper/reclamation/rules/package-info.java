/**
 * Which holdings become candidates: rules (inactive for N days, no record activity on the license's objects) and
 * exclusions (integration user, administrators, listed users, profiles, permission sets, user types, new users),
 * decided from the run's as-of instant only, so a restart decides the same.
 */
@NullMarked
package dev.seatkeeper.reclamation.rules;

import org.jspecify.annotations.NullMarked;
