/**
 * Step {@code pullActivity}: LoginHistory read in time windows (split on QUERY_TIMEOUT, partitioned, restartable by
 * key) into {@code login_event}, then summarised per user.
 */
@NullMarked
package dev.seatkeeper.activity;

import org.jspecify.annotations.NullMarked;
