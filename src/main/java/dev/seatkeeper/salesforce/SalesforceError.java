package dev.seatkeeper.salesforce;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a Salesforce error array ({@code errorCode} on API errors, {@code statusCode} in composite results).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SalesforceError(@Nullable String errorCode, @Nullable String statusCode, @Nullable String message,
		@Nullable List<String> fields) {

	/**
	 * Per-record codes that say "not now" rather than "no": {@code UNABLE_TO_LOCK_ROW}, another transaction (an
	 * administrator, a flow, a sync) held the row while Salesforce waited for it. The same write later succeeds.
	 */
	static final Set<String> TRANSIENT_CODES = Set.of("UNABLE_TO_LOCK_ROW");

	/** Whether the same write may succeed when sent again later. */
	public boolean isTransient() {
		return TRANSIENT_CODES.contains(code());
	}

	/** The code, whichever of the two names Salesforce used. */
	public String code() {
		if (errorCode != null) {
			return errorCode;
		}
		return (statusCode != null) ? statusCode : "UNKNOWN_ERROR";
	}

}
