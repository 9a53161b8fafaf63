package dev.seatkeeper.job;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Adds the {@link RunLogContext} to every job and step bean, partition workers included, so no step can be added
 * to the job without its log lines carrying the run's context.
 */
class RunLogContextRegistrar implements BeanPostProcessor {

	private final RunLogContext context = new RunLogContext();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractJob job) {
			job.registerJobExecutionListener(this.context);
		}
		if (bean instanceof AbstractStep step) {
			step.registerStepExecutionListener(this.context);
		}
		return bean;
	}

}
