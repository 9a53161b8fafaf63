package dev.seatkeeper.sandbox.soql;

import org.jspecify.annotations.Nullable;

/** What fields an object has, so a query naming an unknown field fails with INVALID_FIELD before it runs. */
public interface SoqlSchema {

	/**
	 * The type of a field path on the named object (case-insensitive), or {@code null} when the object has no such
	 * field or relationship path.
	 */
	@Nullable FieldType typeOf(String objectName, String path);

	/** Whether the object is queryable at all (else INVALID_TYPE, "sObject type 'X' is not supported"). */
	boolean hasObject(String objectName);

	enum FieldType {

		ID, STRING, BOOLEAN, INTEGER, DOUBLE, DATETIME, DATE

	}

}
