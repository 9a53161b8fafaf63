package dev.seatkeeper.sandbox.soql;

/** The kinds of token the SOQL subset knows; keywords are identifiers that the parser recognises by text. */
enum TokenType {

	IDENTIFIER, STRING, NUMBER, DATE, DATETIME, OPERATOR, LEFT_PAREN, RIGHT_PAREN, COMMA, END

}
