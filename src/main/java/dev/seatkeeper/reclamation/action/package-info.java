/**
 * Step {@code reclaim}: carrying out approved candidates in Salesforce (deactivate, freeze, remove a permission set
 * or package license, downgrade), capped per run and per 24 hours, each write marked RECLAIMING before it is sent so
 * a crash never sends it twice.
 */
@NullMarked
package dev.seatkeeper.reclamation.action;

import org.jspecify.annotations.NullMarked;
