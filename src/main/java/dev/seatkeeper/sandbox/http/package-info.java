/**
 * The HTTP face of the sandbox on the JDK's server: OAuth, the REST resources, the admin endpoints.
 */
@NullMarked
package dev.seatkeeper.sandbox.http;

import org.jspecify.annotations.NullMarked;
