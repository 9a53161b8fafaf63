package dev.seatkeeper.sandbox.soql;

/** The operand does not hold. */
record NotCondition(Condition operand) implements Condition {

	@Override
	public boolean test(SoqlRecord record) {
		return !this.operand.test(record);
	}

}
