/**
 * OAuth for the sandbox: the connected app, token grants and sessions.
 */
@NullMarked
package dev.seatkeeper.sandbox.auth;

import org.jspecify.annotations.NullMarked;
