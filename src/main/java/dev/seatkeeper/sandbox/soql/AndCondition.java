package dev.seatkeeper.sandbox.soql;

import java.util.List;

/** All of the operands hold; evaluation stops at the first that does not. */
record AndCondition(List<Condition> operands) implements Condition {

	AndCondition {
		operands = List.copyOf(operands);
	}

	@Override
	public boolean test(SoqlRecord record) {
		for (Condition operand : this.operands) {
			if (!operand.test(record)) {
				return false;
			}
		}
		return true;
	}

}
