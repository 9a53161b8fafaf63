package dev.seatkeeper.demo;

import java.time.Clock;

import dev.seatkeeper.salesforce.SalesforceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulated orgs of {@code sandbox} profiles; closed with the context. */
@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

	@Bean
	EmbeddedOrgs simulatedOrgs(Clock clock, SalesforceProperties http) {
		return new EmbeddedOrgs(clock, http);
	}

}
