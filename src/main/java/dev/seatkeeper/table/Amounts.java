package dev.seatkeeper.table;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Numbers as people read them in a table: thousands separated by commas, the decimals the value has (cents stay
 * cents), the same whatever the machine's locale, so a table reads the same on every pod.
 */
public final class Amounts {

	private Amounts() {
	}

	/** {@code 1234567.5} as "1,234,567.5", {@code 19800.00} as "19,800.00"; null as "-". */
	public static String grouped(@Nullable BigDecimal value) {
		if (value == null) {
			return "-";
		}
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
		int scale = Math.max(0, value.scale());
		format.setMinimumFractionDigits(scale);
		format.setMaximumFractionDigits(scale);
		return format.format(value);
	}

	/** A whole number with thousands separators; null as "-". */
	public static String grouped(@Nullable Integer value) {
		return (value != null) ? String.format(Locale.ROOT, "%,d", value) : "-";
	}

	/** An amount and its currency: "19,800.00 USD". */
	public static String money(BigDecimal amount, String currency) {
		return grouped(amount) + " " + currency;
	}

}
