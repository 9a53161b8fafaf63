package dev.seatkeeper.access;

import dev.seatkeeper.job.RunProfiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The integration user's access check that {@code connect} runs. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	@Bean
	IntegrationUserAccess integrationUserAccess(RunProfiles profiles) {
		return new IntegrationUserAccess(profiles);
	}

}
