/**
 * The final {@code reconcile} step: what is owned (profile entitlements) against what Salesforce
 * provisions and users hold and use, per software model and consumption metric, with cost and savings; stored per
 * profile and run date so trends and a portfolio across orgs can be reported (by {@code report}).
 */
@NullMarked
package dev.seatkeeper.reconciliation;

import org.jspecify.annotations.NullMarked;
