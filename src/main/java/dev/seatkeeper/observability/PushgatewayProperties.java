package dev.seatkeeper.observability;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where run metrics are pushed ({@code seatkeeper.metrics.pushgateway.*}).
 * @param url the Pushgateway's base URL, e.g. {@code http://pushgateway.monitoring:9091}; unset means no push
 * @param job the {@code job} label of the pushed group
 * @param timeout connect and request timeout of one push
 */
@ConfigurationProperties("seatkeeper.metrics.pushgateway")
public record PushgatewayProperties(@Nullable URI url, @DefaultValue("seatkeeper") String job,
		@DefaultValue("10s") Duration timeout) {

}
