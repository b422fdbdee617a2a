package com.appgain.common.api.observability;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, at the lowest precedence so a service's
 * {@code application.yml} or the environment can override each: probes, the endpoints
 * exposed, JSON logs, snake_case JSON, token verification against users-service's JWKS.
 */
public class CommonDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final Map<String, Object> DEFAULTS = Map.ofEntries(
			Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
			Map.entry("management.endpoint.health.probes.enabled", "true"),
			Map.entry("management.endpoint.health.probes.add-additional-paths", "true"),
			Map.entry("management.endpoint.health.show-details", "never"),
			Map.entry("management.tracing.sampling.probability", "${TRACING_SAMPLING:0.0}"),
			Map.entry("management.metrics.tags.application", "${spring.application.name:unknown}"),
			Map.entry("management.metrics.distribution.percentiles-histogram.http.server.requests", "true"),
			// an observation around every security filter costs more than the filters do
			Map.entry("management.observations.enable.spring.security", "false"),
			Map.entry("logging.structured.format.console", "${LOG_FORMAT:ecs}"),
			Map.entry("spring.reactor.context-propagation", "auto"),
			Map.entry("spring.jackson.property-naming-strategy", "SNAKE_CASE"),
			Map.entry("spring.jackson.default-property-inclusion", "non_null"),
			Map.entry("server.shutdown", "graceful"),
			Map.entry("spring.data.redis.url", "${REDIS_URL:redis://localhost:6379}"),
			Map.entry("spring.data.redis.timeout", "${REDIS_TIMEOUT:500ms}"),
			Map.entry("spring.data.redis.connect-timeout", "${REDIS_CONNECT_TIMEOUT:1s}"),
			Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "20s"),
			// Registry timing: Eureka expires a lease after twice its duration, so a
			// killed
			// instance is evicted within ~10 s and every client sees that within 3 + 2 s
			// more.
			Map.entry("eureka.client.service-url.defaultZone", "${EUREKA_URL:http://localhost:8761/eureka/}"),
			Map.entry("eureka.client.registry-fetch-interval-seconds", "3"),
			Map.entry("eureka.instance.prefer-ip-address", "true"),
			Map.entry("eureka.instance.lease-renewal-interval-in-seconds", "2"),
			Map.entry("eureka.instance.lease-expiration-duration-in-seconds", "4"),
			Map.entry("spring.cloud.loadbalancer.cache.ttl", "2s"),
			// Resilience4j would cut every call at 1 s (time limiter) and refuse the
			// 26th concurrent one (bulkhead): the HTTP client's timeouts are the limit.
			Map.entry("spring.cloud.circuitbreaker.resilience4j.disable-time-limiter", "true"),
			Map.entry("spring.cloud.circuitbreaker.bulkhead.resilience4j.enabled", "false"),
			Map.entry("appgain.security.jwk-set-uri", "${JWT_JWKS_URI:lb://users/api/users/.well-known/jwks.json}"),
			Map.entry("appgain.security.issuer", "${JWT_ISSUER:appgain-users}"),
			Map.entry("appgain.security.audience", "${JWT_AUDIENCE:appgain}"),
			Map.entry("appgain.sentry.dsn", "${SENTRY_DSN:}"), Map.entry("appgain.loki.url", "${LOKI_URL:}"));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource("appgainCommonDefaults", DEFAULTS));
	}

}
