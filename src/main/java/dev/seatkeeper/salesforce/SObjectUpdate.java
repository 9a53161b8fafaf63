package dev.seatkeeper.salesforce;

import java.util.Map;

import org.springframework.util.Assert;

/**
 * One record to update: its type, Id and the fields to set, e.g. {@code ("User", id, Map.of("IsActive", false))}.
 */
public record SObjectUpdate(String type, String id, Map<String, Object> fields) {

	public SObjectUpdate {
		Soql.identifier(type);
		SalesforceIds.check(id);
		Assert.notEmpty(fields, "'fields' must not be empty");
		fields.keySet().forEach(Soql::identifier);
		fields = Map.copyOf(fields);
	}

}
