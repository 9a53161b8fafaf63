package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Salesforce's multi-line error messages become one line that starts with the reason. */
class SalesforceApiExceptionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aMultiLineQueryErrorKeepsItsReasonFirstOnOneLine() {
		// The body Salesforce answers for a field the org lacks (salesforce-wire.md; Boomi's and SFDMU's trackers).
		String body = """
				[{"message":"\\nSELECT Id, UserPermissionsKnowledgeUser FROM User\\n           ^\\nERROR at Row:1:Column:12\\n\
				No such column 'UserPermissionsKnowledgeUser' on entity 'User'. If you are attempting to use a custom \
				field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the \
				describe call for the appropriate names.","errorCode":"INVALID_FIELD"}]""";

		SalesforceApiException error = SalesforceErrors.fromResponse(400, body.getBytes(StandardCharsets.UTF_8), JSON);

		assertThat(error.getMessage()).doesNotContain("\n")
			.startsWith("INVALID_FIELD (HTTP 400): No such column 'UserPermissionsKnowledgeUser' on entity 'User'. If you"
					+ " are attempting to use a custom field")
			.endsWith("(ERROR at Row:1:Column:12 of: SELECT Id, UserPermissionsKnowledgeUser FROM User)");
		assertThat(error.is("INVALID_FIELD")).isTrue();
		assertThat(error.isRetryable()).isFalse();
	}

	@Test
	void otherMessagesAreJoinedAndOneLineMessagesStayAsTheyAre() {
		assertThat(SalesforceApiException.oneLine("Session expired or invalid")).isEqualTo("Session expired or invalid");
		assertThat(SalesforceApiException.oneLine("first\n  second\n")).isEqualTo("first second");
		assertThat(SalesforceApiException.oneLine("\nSELECT Id FROM LoginHistory\n               ^\nERROR at Row:1:Column:16\n"
				+ "sObject type 'LoginHistory' is not supported."))
			.isEqualTo("sObject type 'LoginHistory' is not supported. (ERROR at Row:1:Column:16 of: SELECT Id FROM LoginHistory)");
	}

}
