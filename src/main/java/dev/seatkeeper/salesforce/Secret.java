package dev.seatkeeper.salesforce;

import java.util.Objects;

/**
 * A secret value (client secret, private key, token) that never shows itself in logs, exception messages or
 * {@code toString()} of the records that hold it. Read it with {@link #reveal()} only where it goes on the wire.
 */
public final class Secret {

	private final String value;

	private Secret(String value) {
		this.value = Objects.requireNonNull(value, "'value' must not be null");
	}

	public static Secret of(String value) {
		return new Secret(value);
	}

	/** The plain value, for the one place that sends or uses it. */
	public String reveal() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Secret secret) && secret.value.equals(this.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return "******";
	}

}
