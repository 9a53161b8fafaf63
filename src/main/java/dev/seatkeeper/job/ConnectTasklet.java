package dev.seatkeeper.job;

import java.util.List;

import dev.seatkeeper.salesforce.OrgLimits;
import dev.seatkeeper.salesforce.SalesforceApiException;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.JsonNode;

/**
 * The {@code connect} step: authenticates (so bad credentials fail the run before anything is written), records the
 * org's identity, the integration user it runs as and the API usage at the start of the run in the job
 * ExecutionContext.
 */
public class ConnectTasklet extends SalesforceTasklet {

	private static final Logger logger = LoggerFactory.getLogger(ConnectTasklet.class);

	/** Job context key of the user Seatkeeper runs as, which reclamation must never touch. */
	public static final String INTEGRATION_USER_ID = "integrationUserId";

	static final String ORGANIZATION = "SELECT Id, Name, OrganizationType, IsSandbox FROM Organization";

	private final RunContext run;

	private final SalesforceClient client;

	private final List<ConnectCheck> checks;

	public ConnectTasklet(RunContext run, List<ConnectCheck> checks) {
		this.run = run;
		this.client = run.client();
		this.checks = List.copyOf(checks);
	}

	/**
	 * The user this job connects as, from the token response's {@code id}. Should Salesforce not name it, the run
	 * still goes on: reclamation then approves nothing automatically (see ApplyRulesTasklet).
	 */
	private @Nullable String integrationUser() {
		try {
			return this.client.runningUserId();
		}
		catch (SalesforceApiException ex) {
			if (BudgetStop.isBudget(ex)) {
				throw ex;
			}
			logger.warn("Profile {}: could not learn the integration user from the token response ({}); automatic reclamation"
					+ " approval is off until it can, and the user should be excluded by username", this.client.profile(),
					ex.getMessage());
			return null;
		}
	}

	@Override
	protected void run(StepContribution contribution, ChunkContext chunkContext) {
		JsonNode organization = this.client.query(ORGANIZATION)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The org answered no Organization record"));
		OrgLimits.Limit api = this.client.limits().dailyApiRequests();
		ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
		job.putString("orgId", SalesforceRecords.text(organization, "Id"));
		job.putString("orgName", SalesforceRecords.text(organization, "Name"));
		String integrationUser = integrationUser();
		if (integrationUser != null) {
			job.putString(INTEGRATION_USER_ID, integrationUser);
		}
		this.checks.forEach((check) -> check.check(this.run, job));
		job.putLong("apiUsedAtConnect", api.used());
		job.putLong("apiMax", api.max());
		contribution.incrementReadCount();
		logger.info("Profile {}: connected to org {} ({}), {} of {} daily API requests used", this.client.profile(),
				SalesforceRecords.text(organization, "Name"), SalesforceRecords.text(organization, "Id"), api.used(),
				api.max());
	}

}
