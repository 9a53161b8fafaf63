package dev.seatkeeper.salesforce;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a composite answer. {@code id} is empty when the record was not saved, so results are matched to
 * requests by position: see {@link SaveOutcome}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SaveResult(@Nullable String id, boolean success, @Nullable List<SalesforceError> errors) {

	public List<SalesforceError> errorList() {
		return (errors != null) ? errors : List.of();
	}

	/** Whether the record was refused only for reasons that pass (a row lock): the write may be sent again later. */
	public boolean failedTransiently() {
		return !success && !errorList().isEmpty() && errorList().stream().allMatch(SalesforceError::isTransient);
	}

}
