package com.appgain.common.api.redis;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus takes one set of tag keys per metric name. Spring Cloud CircuitBreaker tags
 * its breakers with a {@code group}; the Redis clients' breakers, bound to the same
 * registry first, had none, and every other breaker's metrics were refused.
 */
class RedisBreakerMetricsTests {

	@Test
	void redisBreakersAndGroupedBreakersAreScrapedSideBySide() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		RedisAvailability redis = new RedisAvailability(new LettuceConnectionFactory(), properties(), prometheus);
		redis.breaker("ratelimit");
		CircuitBreakerRegistry services = CircuitBreakerRegistry.ofDefaults();
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(services).bindTo(prometheus);
		services.circuitBreaker("examples", Map.of("group", "examples"));

		assertThat(prometheus.scrape()).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"ratelimit\"")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"examples\"");
	}

	// the declared defaults, bound as the application binds them
	private static RedisResilienceProperties properties() {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate("appgain.redis",
				RedisResilienceProperties.class);
	}

}
