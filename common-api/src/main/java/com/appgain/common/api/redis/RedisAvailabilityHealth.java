package com.appgain.common.api.redis;

import java.util.Map;
import java.util.TreeMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * The {@code redis} health, from what {@link RedisAvailability} already knows: DOWN while
 * the connection was never opened or any client's calls are suspended, with each client's
 * breaker state as details. It asks Redis nothing and takes no lock: Boot's indicator
 * asks the connection factory for a connection, which waits on the factory's lock while
 * the start-up connect is retried, on the management server's event loop. Readiness does
 * not include it: every service serves while Redis is away.
 */
final class RedisAvailabilityHealth implements ReactiveHealthIndicator {

	private final RedisAvailability redis;

	RedisAvailabilityHealth(RedisAvailability redis) {
		this.redis = redis;
	}

	@Override
	public Mono<Health> health() {
		Map<String, String> clients = new TreeMap<>();
		boolean suspended = false;
		for (CircuitBreaker breaker : this.redis.breakers()) {
			// read once, so that the status and the details agree
			CircuitBreaker.State state = breaker.getState();
			clients.put(breaker.getName(), state.name());
			suspended |= state == CircuitBreaker.State.OPEN;
		}
		Health.Builder health = !this.redis.isConnected()
				? Health.down().withDetail("error", "no Redis connection since start-up")
				: suspended ? Health.down().withDetail("error", "Redis fails or does not answer") : Health.up();
		return Mono.just(health.withDetail("clients", clients).build());
	}

}
