package dev.seatkeeper.sandbox.soql;

import java.util.Objects;

/**
 * A query Salesforce would refuse, with the {@code errorCode} Salesforce sends for it:
 * {@code MALFORMED_QUERY} (syntax), {@code INVALID_FIELD} (unknown field), {@code INVALID_TYPE} (unknown object).
 * The message reads like Salesforce's.
 */
public class SoqlException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String errorCode;

	public SoqlException(String errorCode, String message) {
		super(message);
		this.errorCode = errorCode;
	}

	/** Never null: the constructor takes the message. */
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage(), "the constructor takes a message");
	}

	public String errorCode() {
		return this.errorCode;
	}

	public static SoqlException malformed(String message) {
		return new SoqlException("MALFORMED_QUERY", message);
	}

	public static SoqlException invalidField(String message) {
		return new SoqlException("INVALID_FIELD", message);
	}

	public static SoqlException invalidType(String message) {
		return new SoqlException("INVALID_TYPE", message);
	}

}
