package dev.seatkeeper.sandbox.soql;

import static dev.seatkeeper.sandbox.soql.TestOrg.namesMatching;
import static dev.seatkeeper.sandbox.soql.TestOrg.parse;
import static dev.seatkeeper.sandbox.soql.TestOrg.record;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ORDER BY with Salesforce's null placement and case-insensitive string order. */
class SoqlOrderingTests {

	private static final SoqlRecord[] USERS = { record("Name", "bob", "Logins__c", 2, "Id", "005B"),
			record("Name", "Ada", "Logins__c", null, "Id", "005a"), record("Name", "cy", "Logins__c", 2, "Id", "005A"),
			record("Name", "Dee", "Logins__c", 1, "Id", "005C") };

	private static Object[] ordered(String orderBy) {
		return namesMatching(parse("SELECT Name FROM User ORDER BY " + orderBy), USERS).toArray();
	}

	@Test
	void stringsSortIgnoringCase() {
		assertThat(ordered("Name")).containsExactly("Ada", "bob", "cy", "Dee");
		assertThat(ordered("name DESC")).containsExactly("Dee", "cy", "bob", "Ada");
	}

	@Test
	void idsSortByExactCharacters() {
		assertThat(ordered("Id ASC")).containsExactly("cy", "bob", "Dee", "Ada");
	}

	@Test
	void ascendingPutsNullsFirstAndDescendingNullsLastByDefault() {
		assertThat(ordered("Logins__c, Name")).containsExactly("Ada", "Dee", "bob", "cy");
		assertThat(ordered("Logins__c DESC, Name")).containsExactly("bob", "cy", "Dee", "Ada");
	}

	@Test
	void nullsPlacementCanBeChosen() {
		assertThat(ordered("Logins__c ASC NULLS LAST, Name")).containsExactly("Dee", "bob", "cy", "Ada");
		assertThat(ordered("Logins__c desc nulls first, Name")).containsExactly("Ada", "bob", "cy", "Dee");
	}

	@Test
	void laterItemsBreakTies() {
		assertThat(ordered("Logins__c DESC NULLS LAST, Name DESC")).containsExactly("cy", "bob", "Dee", "Ada");
	}

}
