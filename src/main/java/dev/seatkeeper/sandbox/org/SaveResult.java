package dev.seatkeeper.sandbox.org;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of writing one record, as sObject Collections reports it: a failed entry carries no id.
 *
 * @param id the record's Id when saved, else {@code null}
 * @param errors empty on success
 */
public record SaveResult(@Nullable String id, List<Error> errors) {

	public static SaveResult saved(String id) {
		return new SaveResult(id, List.of());
	}

	public static SaveResult failed(Error error) {
		return new SaveResult(null, List.of(error));
	}

	public boolean success() {
		return this.errors.isEmpty();
	}

	/** One Salesforce error: a status code such as {@code FIELD_INTEGRITY_EXCEPTION}, a message, the fields. */
	public record Error(String statusCode, String message, List<String> fields) {

		public static Error of(String statusCode, String message, String... fields) {
			return new Error(statusCode, message, List.of(fields));
		}

	}

}
