package dev.seatkeeper.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class AmountsTests {

	@Test
	void amountsKeepTheirDecimalsAndGroupThousandsWithCommas() {
		assertThat(Amounts.money(new BigDecimal("1234567.50"), "USD")).isEqualTo("1,234,567.50 USD");
		assertThat(Amounts.grouped(new BigDecimal("999.00"))).isEqualTo("999.00");
		assertThat(Amounts.grouped(new BigDecimal("-19800.00"))).isEqualTo("-19,800.00");
		assertThat(Amounts.grouped(new BigDecimal("1E+5"))).isEqualTo("100,000");
		assertThat(Amounts.grouped(100000)).isEqualTo("100,000");
		assertThat(Amounts.grouped((Integer) null)).isEqualTo("-");
	}

	@Test
	void theMachinesLocaleChangesNothing() {
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.GERMANY);
			assertThat(Amounts.grouped(new BigDecimal("19800.00"))).isEqualTo("19,800.00");
			assertThat(Amounts.grouped(12345)).isEqualTo("12,345");
		}
		finally {
			Locale.setDefault(before);
		}
	}

}
