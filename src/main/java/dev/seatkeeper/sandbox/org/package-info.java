/**
 * The org's data: sObject types, row tables, columnar login history, the deterministic generator, writes with license effects and ground truth.
 */
@NullMarked
package dev.seatkeeper.sandbox.org;

import org.jspecify.annotations.NullMarked;
