/**
 * The reports of a reconciled position: the console tables, JSON, CSV and the self-contained HTML report, for one
 * profile or a portfolio of several, and the short position printed after each run.
 */
@NullMarked
package dev.seatkeeper.reconciliation.report;

import org.jspecify.annotations.NullMarked;
