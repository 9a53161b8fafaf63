package dev.seatkeeper.sandbox.soql;

/**
 * A decoded string literal in both of its readings. Outside LIKE, {@code \%} and {@code \_} have no special meaning
 * and stay as written (backslash included); inside LIKE they are a literal {@code %} / {@code _}, while a bare
 * {@code %} or {@code _} is a wildcard. Keeping both readings lets the lexer decode escapes once.
 * @param text the value outside LIKE
 * @param like the value as a LIKE pattern
 */
record QuotedString(String text, LikePattern like) {

}
