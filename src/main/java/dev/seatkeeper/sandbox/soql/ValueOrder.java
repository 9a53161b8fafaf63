package dev.seatkeeper.sandbox.soql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;

import dev.seatkeeper.sandbox.soql.SoqlSchema.FieldType;

/**
 * How two non-null values of one field type compare, as Salesforce orders them: strings case-insensitively, Ids
 * by their exact characters (the sandbox makes their String order the creation order), numbers numerically
 * whatever their boxed type. Used both for WHERE comparisons against a literal and for ORDER BY.
 */
enum ValueOrder {

	EXACT_STRING {
		@Override
		int compare(Object a, Object b) {
			return ((String) a).compareTo((String) b);
		}
	},

	CASE_INSENSITIVE_STRING {
		@Override
		int compare(Object a, Object b) {
			return ((String) a).compareToIgnoreCase((String) b);
		}
	},

	BOOLEAN {
		@Override
		int compare(Object a, Object b) {
			return Boolean.compare((Boolean) a, (Boolean) b);
		}
	},

	NUMBER {
		@Override
		int compare(Object a, Object b) {
			return compareNumbers((Number) a, (Number) b);
		}
	},

	DATETIME {
		@Override
		int compare(Object a, Object b) {
			return ((Instant) a).compareTo((Instant) b);
		}
	},

	DATE {
		@Override
		int compare(Object a, Object b) {
			return ((LocalDate) a).compareTo((LocalDate) b);
		}
	};

	abstract int compare(Object a, Object b);

	static ValueOrder of(FieldType type) {
		return switch (type) {
			case ID -> EXACT_STRING;
			case STRING -> CASE_INSENSITIVE_STRING;
			case BOOLEAN -> BOOLEAN;
			case INTEGER, DOUBLE -> NUMBER;
			case DATETIME -> DATETIME;
			case DATE -> DATE;
		};
	}

	/** Integral pairs compare as longs (the common case, no allocation); anything else as exact decimals. */
	static int compareNumbers(Number a, Number b) {
		if (isIntegral(a) && isIntegral(b)) {
			return Long.compare(a.longValue(), b.longValue());
		}
		if (a instanceof Double && b instanceof Double) {
			return Double.compare(a.doubleValue(), b.doubleValue());
		}
		return toBigDecimal(a).compareTo(toBigDecimal(b));
	}

	/** The decimal a number means, taking doubles by their shortest decimal form so 0.1 equals the literal 0.1. */
	static BigDecimal toBigDecimal(Number number) {
		if (number instanceof BigDecimal decimal) {
			return decimal;
		}
		if (number instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (isIntegral(number)) {
			return BigDecimal.valueOf(number.longValue());
		}
		return BigDecimal.valueOf(number.doubleValue());
	}

	private static boolean isIntegral(Number number) {
		return number instanceof Long || number instanceof Integer || number instanceof Short
				|| number instanceof Byte;
	}

}
