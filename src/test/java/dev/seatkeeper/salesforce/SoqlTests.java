package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SoqlTests {

	@Test
	void escapesQuotesBackslashesAndControlCharacters() {
		assertThat(Soql.quote("O'Brien")).isEqualTo("'O\\'Brien'");
		assertThat(Soql.quote("say \"hi\"")).isEqualTo("'say \\\"hi\\\"'");
		assertThat(Soql.quote("a\\b")).isEqualTo("'a\\\\b'");
		assertThat(Soql.quote("line1\nline2\r\tend\b\f")).isEqualTo("'line1\\nline2\\r\\tend\\b\\f'");
		assertThat(Soql.quote("")).isEqualTo("''");
		assertThat(Soql.quote("名前 ü")).isEqualTo("'名前 ü'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "x' OR Name != '", "\\'", "\\' OR Id != '", "x\\", "'", "''", "\\\\'",
			"x'\nOR Name != '", "x\r\n' OR IsActive = true OR Name = '", "a\" OR \"b", "%' OR Name LIKE '%" })
	void injectionAttemptsStayOneLiteral(String hostile) {
		String literal = Soql.quote(hostile);

		assertThat(singleLiteralContent(literal)).isEqualTo(hostile);
		assertThat(literal).doesNotContain("\n").doesNotContain("\r");
	}

	@Test
	void otherControlCharactersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Soql.quote("a\u0000b")).withMessageContaining("U+0000");
	}

	@Test
	void formatsDateAndDatetimeLiterals() {
		assertThat(Soql.literal(Instant.parse("2026-11-25T14:03:07Z"))).isEqualTo("2026-11-25T14:03:07Z");
		assertThat(Soql.literal(Instant.parse("2026-11-25T14:03:07.250Z"))).isEqualTo("2026-11-25T14:03:07.250Z");
		assertThat(Soql.literal(LocalDate.of(2026, 1, 5))).isEqualTo("2026-01-05");
		assertThat(Soql.quoteAll(List.of("a", "b'c"))).isEqualTo("'a','b\\'c'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Name OR 1", "Id)", "Profile..Name", "1Field", "Name--", "" })
	void identifiersAreChecked(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> Soql.identifier(name));
	}

	@Test
	void relationshipPathsAreIdentifiers() {
		assertThat(Soql.identifier("Profile.UserLicense.LicenseDefinitionKey"))
			.isEqualTo("Profile.UserLicense.LicenseDefinitionKey");
		assertThat(Soql.identifier("Custom_Field__c")).isEqualTo("Custom_Field__c");
	}

	/**
	 * Reads a literal the way SOQL's lexer does: it must open with a quote, end at the first unescaped quote, and that
	 * quote must be the last character. Returns the unescaped content.
	 */
	private static String singleLiteralContent(String literal) {
		assertThat(literal).startsWith("'");
		StringBuilder content = new StringBuilder();
		int i = 1;
		while (i < literal.length()) {
			char c = literal.charAt(i);
			if (c == '\\') {
				char escaped = literal.charAt(i + 1);
				content.append(switch (escaped) {
					case 'n' -> '\n';
					case 'r' -> '\r';
					case 't' -> '\t';
					case 'b' -> '\b';
					case 'f' -> '\f';
					default -> escaped;
				});
				i += 2;
				continue;
			}
			if (c == '\'') {
				assertThat(i).as("literal closes only at the very end").isEqualTo(literal.length() - 1);
				return content.toString();
			}
			content.append(c);
			i++;
		}
		throw new AssertionError("unterminated literal " + literal);
	}

}
