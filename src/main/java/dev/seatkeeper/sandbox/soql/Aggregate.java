package dev.seatkeeper.sandbox.soql;

import org.jspecify.annotations.Nullable;

import dev.seatkeeper.sandbox.soql.SoqlSchema.FieldType;

/**
 * One aggregate function of a query: {@code MAX(LastModifiedDate)}, {@code COUNT(Id)}. Its {@link #key} names it in
 * HAVING and ORDER BY; its {@link #alias} is the name its value has in the result ({@code expr0}, {@code expr1}, ...
 * for unaliased ones, in select order, as Salesforce names them), {@code null} when it is only used by HAVING or
 * ORDER BY and not selected. Immutable.
 * @param function {@code MAX}, {@code MIN} or {@code COUNT}
 * @param field the field aggregated
 * @param fieldType the field's type (the result's type for MAX and MIN; COUNT is an integer)
 */
public record Aggregate(String function, String field, FieldType fieldType, String key, @Nullable String alias) {

	static final java.util.Set<String> FUNCTIONS = java.util.Set.of("MAX", "MIN", "COUNT");

	/** The canonical name of a function applied to a field, as HAVING and ORDER BY refer to it. */
	static String keyOf(String function, String field) {
		return function.toUpperCase(java.util.Locale.ROOT) + "(" + field.toLowerCase(java.util.Locale.ROOT) + ")";
	}

	/** The type of the function's value. */
	FieldType resultType() {
		return "COUNT".equals(this.function) ? FieldType.INTEGER : this.fieldType;
	}

}
