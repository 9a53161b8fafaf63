/**
 * OAuth2 for Salesforce through Spring Security's non-web client: flows, token lifetime, instance URL checks and the
 * encrypted JDBC token store.
 */
@NullMarked
package dev.seatkeeper.salesforce.auth;

import org.jspecify.annotations.NullMarked;
