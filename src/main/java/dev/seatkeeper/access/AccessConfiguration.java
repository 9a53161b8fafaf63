package dev.seatkeeper.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The integration user's access check that {@code connect} runs. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	@Bean
	IntegrationUserAccess integrationUserAccess() {
		return new IntegrationUserAccess();
	}

}
