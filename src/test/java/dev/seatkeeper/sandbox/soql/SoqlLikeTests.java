package dev.seatkeeper.sandbox.soql;

import static dev.seatkeeper.sandbox.soql.TestOrg.parse;
import static dev.seatkeeper.sandbox.soql.TestOrg.record;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LIKE pattern matching at its edges: empty values, adjacent wildcards, backtracking and case folding. */
class SoqlLikeTests {

	@ParameterizedTest(name = "''{1}'' LIKE ''{0}'' is {2}")
	@CsvSource(delimiter = '|', textBlock = """
			%        | ''           | true
			_        | ''           | false
			''       | ''           | true
			''       | a            | false
			_%       | a            | true
			%%       | abc          | true
			a%%c     | abbbc        | true
			a%c      | ab           | false
			%abc     | ababc        | true
			%a_c%    | xxabcabc     | true
			a%b%c    | aXbYbZc      | true
			a%b%c    | aXcYb        | false
			%ss%     | MASS         | true
			%é%      | CAFÉ         | true
			abc      | abcd         | false
			abc%     | ABCD         | true
			""")
	void likeMatches(String pattern, String value, boolean expected) {
		SoqlQuery query = parse("SELECT Id FROM User WHERE Name LIKE '" + pattern + "'");

		assertThat(query.matches(record("Name", value))).isEqualTo(expected);
	}

}
