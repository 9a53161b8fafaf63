/**
 * Profiles: one YAML file per org (integration profile), read, validated and reported with every problem at once;
 * the settings the steps and reclamation read come from here.
 */
@NullMarked
package dev.seatkeeper.profile;

import org.jspecify.annotations.NullMarked;
