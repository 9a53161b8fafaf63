package dev.seatkeeper.salesforce;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a Salesforce error array ({@code errorCode} on API errors, {@code statusCode} in composite results).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SalesforceError(@Nullable String errorCode, @Nullable String statusCode, @Nullable String message,
		@Nullable List<String> fields) {

	/** The code, whichever of the two names Salesforce used. */
	public String code() {
		if (errorCode != null) {
			return errorCode;
		}
		return (statusCode != null) ? statusCode : "UNKNOWN_ERROR";
	}

}
