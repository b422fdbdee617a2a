package com.appgain.examples.example;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.common.api.redis.RedisAvailability;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Examples by id in Redis, as JSON with a TTL. Redis is an optimisation only: every call
 * gives up after {@code appgain.examples.cache-timeout}, and a failure is counted in
 * {@code appgain.examples.cache.unavailable} and treated as a miss. With
 * {@code appgain.examples.cache-enabled=false} every call is a no-op (a miss): reads go
 * to MongoDB, which bench/run.sh measures against the cache side by side.
 */
@Component
class ExampleCache {

	private static final Logger logger = LoggerFactory.getLogger(ExampleCache.class);

	private static final String PREFIX = "examples:example:";

	private final ReactiveStringRedisTemplate redis;

	private final JsonMapper json;

	private final Duration ttl;

	private final Duration timeout;

	private final Counter unavailable;

	private final RedisAvailability availability;

	private final boolean enabled;

	ExampleCache(ReactiveStringRedisTemplate redis, JsonMapper json, ExampleProperties properties, MeterRegistry meters,
			RedisAvailability availability) {
		this.enabled = properties.cacheEnabled();
		this.redis = redis;
		this.availability = availability;
		this.json = json;
		this.ttl = properties.cacheTtl();
		this.timeout = properties.cacheTimeout();
		this.unavailable = Counter.builder("appgain.examples.cache.unavailable")
			.description("Example cache calls skipped because Redis failed or was slow")
			.register(meters);
	}

	/** The cached entry, empty on a miss or when Redis is unavailable. */
	Mono<CachedExample> get(ObjectId id) {
		return guard(this.redis.opsForValue().get(key(id)).map(this::read), "read");
	}

	/** Caches what a read found, unless a write got there first. */
	Mono<Void> putIfAbsent(CachedExample entry) {
		return guard(this.redis.opsForValue().setIfAbsent(key(entry.example().id()), write(entry), this.ttl), "fill")
			.then();
	}

	/** Caches the result of a write, replacing whatever a concurrent read left. */
	Mono<Void> put(CachedExample entry) {
		return guard(this.redis.opsForValue().set(key(entry.example().id()), write(entry), this.ttl), "update").then();
	}

	Mono<Void> markDeleted(ObjectId id) {
		return guard(this.redis.opsForValue().set(key(id), write(CachedExample.tombstone()), this.ttl), "delete")
			.then();
	}

	Mono<Void> evict(List<ObjectId> ids) {
		if (ids.isEmpty()) {
			return Mono.empty();
		}
		return guard(this.redis.delete(ids.stream().map(ExampleCache::key).toArray(String[]::new)), "evict").then();
	}

	private <T> Mono<T> guard(Mono<T> call, String operation) {
		if (!this.enabled) {
			return Mono.empty();
		}
		return this.availability.protect("examples-cache", call.timeout(this.timeout)).onErrorResume((ex) -> {
			this.unavailable.increment();
			// while the breaker is open every call is refused: RedisAvailability logged
			// the outage once, a line per request would flood the logs
			(ex instanceof CallNotPermittedException ? logger.atDebug() : logger.atWarn())
				.addKeyValue("cache_operation", operation)
				.addKeyValue("error", ex.toString())
				.log("Example cache bypassed: Redis unavailable");
			return Mono.empty();
		});
	}

	private CachedExample read(String value) {
		return this.json.readValue(value, CachedExample.class);
	}

	private String write(CachedExample entry) {
		return this.json.writeValueAsString(entry);
	}

	private static String key(ObjectId id) {
		return PREFIX + id.toHexString();
	}

	private static String key(String id) {
		return PREFIX + id;
	}

}
