/**
 * The SOQL subset the sandbox org serves: a hand-written tokenizer and recursive-descent parser that turn a query
 * into an immutable, thread-safe {@link dev.seatkeeper.sandbox.soql.SoqlQuery} whose field paths, literal types and
 * LIKE patterns are all resolved once, so evaluating it over millions of records allocates next to nothing.
 */
@NullMarked
package dev.seatkeeper.sandbox.soql;

import org.jspecify.annotations.NullMarked;
