package dev.seatkeeper.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import dev.seatkeeper.cli.TerminalWidth;
import dev.seatkeeper.table.TextTable.Column;
import org.junit.jupiter.api.Test;

class TextTableTests {

	private static final String MODEL = "PermissionSetLicense:SalesCloudEinsteinPlatformLicenseForEveryone";

	@Test
	void columnsAlignTextLeftAndNumbersRight() {
		List<String> lines = TextTable.of(Column.text("username"), Column.number("seats"))
			.row("ada@acme.example", "1,200")
			.row("bo@acme.example", "7")
			.render(TerminalWidth.DEFAULT)
			.lines()
			.toList();

		assertThat(lines).containsExactly("username          seats", "ada@acme.example  1,200",
				"bo@acme.example       7");
	}

	@Test
	void aTableWiderThanTheTerminalWrapsItsWrappingColumnsAndCutsNothing() {
		String text = TextTable.of(Column.wrapped("model"), Column.number("owned"), Column.text("status"))
			.row(MODEL, "10", "COMPLIANT")
			.render(40);

		assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
		assertThat(text.lines().count()).isGreaterThan(2);
		assertThat(text.lines().skip(1).map(line -> line.split("\\s{2,}")[0]).reduce("", String::concat))
			.as("the continuation lines put the identifier back together")
			.isEqualTo(MODEL);
		assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("PermissionSetLicense:").contains("10")
			.endsWith("COMPLIANT");
	}

	@Test
	void wideOrWideEnoughPrintsEveryCellOnOneLine() {
		String text = TextTable.of(Column.wrapped("model"), Column.number("owned"))
			.row(MODEL, "10")
			.render(TerminalWidth.UNLIMITED);

		assertThat(text.lines()).hasSize(2);
		assertThat(text.lines().skip(1).findFirst().orElseThrow()).isEqualTo(MODEL + "     10");
	}

	@Test
	void columnsThatMayNotWrapAreNeverCutEvenWhenTheTableCannotFit() {
		String text = TextTable.of(Column.text("username"), Column.wrapped("note"))
			.row("a.very.long.username.that.cannot.wrap@acme.example", "short")
			.render(40);

		assertThat(text).contains("a.very.long.username.that.cannot.wrap@acme.example");
	}

	@Test
	void theWidestWrappingColumnGivesUpWidthFirst() {
		String text = TextTable.of(Column.wrapped("name"), Column.wrapped("note"))
			.row("Ada Lovelace", "inactive for 120 days: no login since 2026-07-30, last activity recorded by LoginHistory")
			.render(60);

		assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("Ada Lovelace  inactive for 120 days:");
		assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
	}

	@Test
	void nullCellsPrintAsADashAndRowsMustMatchTheColumns() {
		TextTable table = TextTable.of(Column.text("a"), Column.text("b"));

		assertThat(table.row("x", null).render(80)).endsWith("x  -" + System.lineSeparator());
		assertThatIllegalArgumentException().isThrownBy(() -> table.row("only one"));
	}

}
