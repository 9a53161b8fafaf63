package dev.seatkeeper.sandbox.soql;

import org.jspecify.annotations.Nullable;

/**
 * One record as the query engine sees it. The sandbox's object stores implement this lazily, so a record need not
 * exist as a map until a query touches it.
 */
public interface SoqlRecord {

	/**
	 * The value at a field path, matched case-insensitively: {@code "Name"}, or a relationship path such as
	 * {@code "Profile.UserLicense.LicenseDefinitionKey"}. A path through a null parent yields {@code null}.
	 * @return a {@link String}, {@link Boolean}, {@link Number} (Integer, Long, Double or BigDecimal),
	 * {@link java.time.Instant} for datetime fields, {@link java.time.LocalDate} for date fields, or {@code null}
	 */
	@Nullable Object value(String path);

}
