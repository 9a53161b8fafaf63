package dev.seatkeeper.sandbox.soql;

import java.util.List;

/** Any of the operands holds; evaluation stops at the first that does. */
record OrCondition(List<Condition> operands) implements Condition {

	OrCondition {
		operands = List.copyOf(operands);
	}

	@Override
	public boolean test(SoqlRecord record) {
		for (Condition operand : this.operands) {
			if (operand.test(record)) {
				return true;
			}
		}
		return false;
	}

}
