package com.appgain.common.api.boot;

import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Leaves out auto-configurations that every service would start and none uses. A filter
 * rather than {@code spring.autoconfigure.exclude}: that property is one list, so a
 * service or a deployment setting it (say, {@code SPRING_AUTOCONFIGURE_EXCLUDE}) would
 * silently bring these back, and with Boot's Lettuce observations the error that
 * {@link com.appgain.common.api.redis.RedisCommandObservations} exists for.
 */
public final class UnusedAutoConfigurations implements AutoConfigurationImportFilter {

	private static final String RESILIENCE4J = "io.github.resilience4j.springboot3.";

	/**
	 * Of Resilience4j's Spring Boot support only the breaker and time limiter registries
	 * are used (by Spring Cloud CircuitBreaker's reactive factory, which also binds the
	 * breakers' meters: Resilience4j's own binding bound them again, with a warning at
	 * every start); its bulkheads, retries, rate limiters, timers, breaker event stream,
	 * breaker health indicators and scheduled pool are not. Boot's Lettuce observations
	 * are replaced by common-api's {@code RedisClientAutoConfiguration}.
	 */
	static final Set<String> LEFT_OUT = Set.of(
			RESILIENCE4J + "circuitbreaker.autoconfigure.CircuitBreakerMetricsAutoConfiguration",
			RESILIENCE4J + "circuitbreaker.autoconfigure.CircuitBreakerStreamEventsAutoConfiguration",
			RESILIENCE4J + "circuitbreaker.autoconfigure.CircuitBreakersHealthIndicatorAutoConfiguration",
			RESILIENCE4J + "bulkhead.autoconfigure.BulkheadAutoConfiguration",
			RESILIENCE4J + "bulkhead.autoconfigure.BulkheadMetricsAutoConfiguration",
			RESILIENCE4J + "bulkhead.autoconfigure.ThreadPoolBulkheadMetricsAutoConfiguration",
			RESILIENCE4J + "retry.autoconfigure.RetryAutoConfiguration",
			RESILIENCE4J + "retry.autoconfigure.RetryMetricsAutoConfiguration",
			RESILIENCE4J + "ratelimiter.autoconfigure.RateLimiterAutoConfiguration",
			RESILIENCE4J + "ratelimiter.autoconfigure.RateLimiterMetricsAutoConfiguration",
			RESILIENCE4J + "ratelimiter.autoconfigure.RateLimitersHealthIndicatorAutoConfiguration",
			RESILIENCE4J + "timelimiter.autoconfigure.TimeLimiterMetricsAutoConfiguration",
			RESILIENCE4J + "micrometer.autoconfigure.TimerAutoConfiguration",
			RESILIENCE4J + "scheduled.threadpool.autoconfigure.ContextAwareScheduledThreadPoolAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

	@Override
	public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
		boolean[] match = new boolean[candidates.length];
		for (int i = 0; i < candidates.length; i++) {
			match[i] = candidates[i] == null || !LEFT_OUT.contains(candidates[i]);
		}
		return match;
	}

}
