package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class KeyedQueryTests {

	@Test
	void idKeyedQueryWithFilter() {
		KeyedQuery query = KeyedQuery.byId("User", List.of("Username", "IsActive", "Id"), "UserType = 'Standard'", 2000);

		assertThat(query.soql(null))
			.isEqualTo("SELECT Id, Username, IsActive FROM User WHERE (UserType = 'Standard') ORDER BY Id LIMIT 2000");
		assertThat(query.soql(Key.id("0055g00000ABCDEAA4"))).isEqualTo("SELECT Id, Username, IsActive FROM User"
				+ " WHERE (UserType = 'Standard') AND Id > '0055g00000ABCDEAA4' ORDER BY Id LIMIT 2000");
	}

	@Test
	void compoundTimeAndIdKey() {
		KeyedQuery query = KeyedQuery.byTimeAndId("LoginHistory", List.of("UserId", "Status"), "LoginTime",
				"LoginTime < 2026-11-26T00:00:00Z", 500);

		assertThat(query.soql(Key.of(Instant.parse("2026-11-25T14:03:07Z"), "0Ya5g00000AbcdEAA")))
			.isEqualTo("SELECT Id, LoginTime, UserId, Status FROM LoginHistory WHERE (LoginTime < 2026-11-26T00:00:00Z)"
					+ " AND LoginTime >= 2026-11-25T14:03:07Z AND (LoginTime > 2026-11-25T14:03:07Z"
					+ " OR Id > '0Ya5g00000AbcdEAA') ORDER BY LoginTime, Id LIMIT 500");
		assertThat(query.keyOf(JsonMapper.builder().build().readTree(
				"{\"attributes\":{\"type\":\"LoginHistory\"},\"Id\":\"0Ya1\",\"LoginTime\":\"2026-11-25T14:03:07.000+0000\"}")))
			.isEqualTo(Key.of(Instant.parse("2026-11-25T14:03:07Z"), "0Ya1"));
	}

	@Test
	void hostileKeysStayLiterals() {
		KeyedQuery query = KeyedQuery.byId("User", List.of(), null, 10);

		assertThat(query.soql(Key.id("x' OR Name != '")))
			.isEqualTo("SELECT Id FROM User WHERE Id > 'x\\' OR Name != \\'' ORDER BY Id LIMIT 10");
	}

	@Test
	void fieldAndObjectNamesAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> KeyedQuery.byId("User WHERE", List.of(), null, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> KeyedQuery.byId("User", List.of("Name,Id"), null, 10));
	}

}
