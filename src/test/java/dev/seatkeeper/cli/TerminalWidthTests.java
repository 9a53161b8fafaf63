package dev.seatkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TerminalWidthTests {

	@Test
	void columnsFromTheShellWinWhetherOrNotThereIsATerminal() {
		assertThat(TerminalWidth.of(Map.of("COLUMNS", "93"), false)).isEqualTo(93);
		assertThat(TerminalWidth.of(Map.of("COLUMNS", "200"), true)).isEqualTo(200);
	}

	@Test
	void outputToNoTerminalIsNeverWrappedUnlessColumnsSaysSo() {
		assertThat(TerminalWidth.of(Map.of(), false)).isEqualTo(TerminalWidth.UNLIMITED);
		assertThat(TerminalWidth.of(Map.of("COLUMNS", "wide"), false)).isEqualTo(TerminalWidth.UNLIMITED);
	}

	@Test
	void aTinyColumnsIsRaisedToSomethingATableCanUse() {
		assertThat(TerminalWidth.of(Map.of("COLUMNS", "5"), false)).isEqualTo(40);
	}

}
