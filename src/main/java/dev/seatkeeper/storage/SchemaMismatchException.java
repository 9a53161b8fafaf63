package dev.seatkeeper.storage;

/** The schema is not the one this release expects; only a migration with the migration user can fix that. */
public class SchemaMismatchException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	SchemaMismatchException(String message) {
		super(message);
	}

}
