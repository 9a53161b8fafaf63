package dev.seatkeeper.license;

import java.util.List;

import dev.seatkeeper.job.ConnectCheck;
import dev.seatkeeper.job.RunContext;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code downloadLicenses} step. */
@Configuration(proxyBeanMethods = false)
class LicenseStepConfiguration {

	@Bean
	Step downloadLicenses(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			LicenseDownload licenseDownload) {
		return new StepBuilder("downloadLicenses", jobRepository).tasklet(licenseDownload, transactionManager).build();
	}

	@Bean
	@StepScope
	LicenseDownload licenseDownload(RunContext run, JdbcTemplate jdbc,
			@Value("#{jobExecutionContext['" + ConnectCheck.USER_FEATURE_FIELDS + "']}") @Nullable String featureFields,
			@Value("#{jobExecutionContext['" + ConnectCheck.SKIPPED_OBJECTS + "']}") @Nullable String skipped) {
		List<String> available = ConnectCheck.list(featureFields);
		List<FeatureLicenses.Feature> features = (available == null) ? FeatureLicenses.ALL
				: FeatureLicenses.ALL.stream().filter(feature -> available.contains(feature.field())).toList();
		// Not checked (null): an org without the metric objects would fail the step, so they are read only when the
		// connect check saw them.
		List<String> unreadable = ConnectCheck.list(skipped);
		return new LicenseDownload(run.client(), jdbc, run.runKey(), features,
				unreadable != null && !unreadable.contains(LicenseMetrics.FEATURE_OBJECT),
				unreadable != null && !unreadable.contains(LicenseMetrics.PERMISSION_SET_LICENSE_OBJECT));
	}

}
