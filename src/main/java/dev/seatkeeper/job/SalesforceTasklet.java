package dev.seatkeeper.job;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** A one-shot tasklet that calls Salesforce and stops the step cleanly (not fails it) when the API budget is spent. */
public abstract class SalesforceTasklet implements Tasklet {

	@Override
	public final RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		try {
			run(contribution, chunkContext);
		}
		catch (RuntimeException ex) {
			if (!BudgetStop.isBudget(ex)) {
				throw ex;
			}
			BudgetStop.stop(contribution.getStepExecution(), ex);
		}
		return RepeatStatus.FINISHED;
	}

	protected abstract void run(StepContribution contribution, ChunkContext chunkContext);

}
