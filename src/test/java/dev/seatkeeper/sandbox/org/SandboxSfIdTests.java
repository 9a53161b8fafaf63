package dev.seatkeeper.sandbox.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxSfIdTests {

	@Test
	void suffixIsSalesforcesCaseSafeChecksum() {
		assertThat(SfId.to18("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
		assertThat(SfId.isWellFormed("001A0000006Vm9rIAC")).isTrue();
		assertThat(SfId.isWellFormed("001A0000006Vm9rAAA")).isFalse();
		assertThat(SfId.isWellFormed("001-not-an-id")).isFalse();
	}

	@Test
	void idsSortInSequenceOrderAcrossDigitAndLetterBoundaries() {
		String previous = SfId.of("005", 1);
		for (long sequence : new long[] { 9, 10, 35, 36, 61, 62, 3843, 3844, 1_000_000, 1L << 40 }) {
			String next = SfId.of("005", sequence);
			assertThat(next).hasSize(18).startsWith("005").isGreaterThan(previous);
			previous = next;
		}
	}

}
