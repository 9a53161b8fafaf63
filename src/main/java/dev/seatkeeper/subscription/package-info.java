/**
 * Step {@code downloadUsers}: Salesforce users become stored users and subscriptions (one per user and license they
 * hold), with subscriptions ended when the user or the assignment is gone.
 */
@NullMarked
package dev.seatkeeper.subscription;

import org.jspecify.annotations.NullMarked;
