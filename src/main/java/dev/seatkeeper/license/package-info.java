/**
 * Step {@code downloadLicenses}: user, permission set, package and feature licenses become software models with
 * Salesforce's totals and the seats counted from assignments.
 */
@NullMarked
package dev.seatkeeper.license;

import org.jspecify.annotations.NullMarked;
