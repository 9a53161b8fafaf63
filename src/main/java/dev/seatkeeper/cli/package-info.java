/**
 * The command line: every picocli command, the console contract (help and version without Spring, one-line failures,
 * `--verbose` for stack traces) and the process exit codes. The only package that imports picocli; nothing imports it
 * but the entry point.
 */
@NullMarked
package dev.seatkeeper.cli;

import org.jspecify.annotations.NullMarked;
