/**
 * Notices to users before their licenses are reclaimed: the {@code notifyUsers} step, one e-mail per user listing
 * each license, its last activity and its reclaim date, sent at most once and recorded on the candidates.
 */
@NullMarked
package dev.seatkeeper.reclamation.notice;

import org.jspecify.annotations.NullMarked;
