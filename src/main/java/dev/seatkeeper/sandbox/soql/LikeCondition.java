package dev.seatkeeper.sandbox.soql;

/** {@code field LIKE 'pattern'}; a null value never matches. */
record LikeCondition(String path, LikePattern pattern) implements Condition {

	@Override
	public boolean test(SoqlRecord record) {
		Object value = record.value(this.path);
		return value != null && this.pattern.matches((String) value);
	}

}
