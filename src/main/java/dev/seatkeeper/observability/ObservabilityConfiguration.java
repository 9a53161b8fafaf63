package dev.seatkeeper.observability;

import java.util.Objects;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Pushgateway, when {@code seatkeeper.metrics.pushgateway.url} is set. The meter and observation registries are
 * Spring Boot's (Micrometer with the Prometheus registry); Boot hands the observation registry to every job and step,
 * which is what records Spring Batch's built-in metrics.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	@Bean
	@ConditionalOnProperty("seatkeeper.metrics.pushgateway.url")
	Pushgateway pushgateway(PushgatewayProperties properties) {
		return new Pushgateway(Objects.requireNonNull(properties.url(), "the bean's condition is that the url is set"),
				properties.job(), properties.timeout());
	}

}
