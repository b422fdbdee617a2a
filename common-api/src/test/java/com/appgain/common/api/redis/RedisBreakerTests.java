package com.appgain.common.api.redis;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Redis client's breaker against a real {@code redis-server} frozen with
 * {@code SIGSTOP}: connected, silent.
 */
class RedisBreakerTests {

	private static final Duration FROZEN_FOR = Duration.ofSeconds(6);

	private static final Duration SETTLED_AFTER = Duration.ofSeconds(3);

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, RedisClientAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.timeout=500ms", "appgain.redis.probe-interval=500ms",
				"appgain.redis.connect-retry-interval=200ms");

	@Test
	void callsToAFrozenRedisFailFastAfterAFewTimeouts() throws Exception {
		try (FreezableRedis redis = FreezableRedis.start()) {
			this.contexts.withPropertyValues("spring.data.redis.url=" + redis.url()).run((context) -> {
				RedisAvailability availability = connected(context.getBean(RedisAvailability.class));
				ReactiveStringRedisTemplate template = context.getBean(ReactiveStringRedisTemplate.class);
				StepVerifier.create(read(availability, template, "cache")).expectNext("answered").verifyComplete();

				redis.freeze();
				List<Long> latencies = steadyCalls(availability, template, FROZEN_FOR);
				redis.thaw();

				// a call every 20 ms: those of the first second may wait for Redis, no
				// later one
				List<Long> afterOneSecond = latencies.subList(50, latencies.size());
				List<Long> settled = latencies.subList(latencies.size() / 2, latencies.size());
				long p99 = percentile(settled, 99);
				System.out.printf(
						"Redis frozen %d s, a call every 20 ms: %d calls waited for the timeout, "
								+ "%d of them after the first second; p99 from %d s on %d ms, max %d ms%n",
						FROZEN_FOR.toSeconds(), waited(latencies), waited(afterOneSecond), SETTLED_AFTER.toSeconds(),
						p99, settled.stream().mapToLong(Long::longValue).max().orElse(0));
				assertThat(waited(latencies)).as("calls that waited for Redis").isPositive();
				assertThat(waited(afterOneSecond)).as("calls that waited for Redis after the first second").isZero();
				assertThat(p99).as("p99 from 3 s into the outage, ms").isLessThanOrEqualTo(250);
			});
		}
	}

	@Test
	void eachClientHasABreakerOfItsOwn() throws Exception {
		try (FreezableRedis redis = FreezableRedis.start()) {
			this.contexts.withPropertyValues("spring.data.redis.url=" + redis.url()).run((context) -> {
				RedisAvailability availability = connected(context.getBean(RedisAvailability.class));
				ReactiveStringRedisTemplate template = context.getBean(ReactiveStringRedisTemplate.class);
				redis.freeze();
				openBreaker(availability, template, "cache");

				assertThat(availability.isAvailable("cache")).isFalse();
				assertThat(availability.isAvailable("revocation")).isTrue();
				StepVerifier.create(read(availability, template, "revocation"))
					.expectErrorMatches((ex) -> !(ex instanceof CallNotPermittedException))
					.verify(Duration.ofSeconds(5));
			});
		}
	}

	@Test
	void callsResumeSoonAfterRedisAnswersAgain() throws Exception {
		try (FreezableRedis redis = FreezableRedis.start()) {
			this.contexts.withPropertyValues("spring.data.redis.url=" + redis.url()).run((context) -> {
				RedisAvailability availability = connected(context.getBean(RedisAvailability.class));
				ReactiveStringRedisTemplate template = context.getBean(ReactiveStringRedisTemplate.class);
				redis.freeze();
				openBreaker(availability, template, "cache");
				StepVerifier.create(read(availability, template, "cache"))
					.expectError(CallNotPermittedException.class)
					.verify(Duration.ofMillis(100));

				redis.thaw();
				long thawed = System.nanoTime();
				Awaitility.await()
					.atMost(Duration.ofSeconds(10))
					.pollInterval(Duration.ofMillis(50))
					.until(() -> "answered".equals(read(availability, template, "cache").onErrorReturn("refused")
						.block(Duration.ofSeconds(2))));
				System.out.printf("Redis calls resumed %d ms after Redis answered again%n",
						Duration.ofNanos(System.nanoTime() - thawed).toMillis());
				assertThat(availability.breaker("cache").getState()).isNotEqualTo(CircuitBreaker.State.OPEN);
			});
		}
	}

	// a loaded machine may miss the first connection at start-up; the retry comes soon
	private static RedisAvailability connected(RedisAvailability availability) {
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(availability::isConnected);
		return availability;
	}

	private static Mono<String> read(RedisAvailability availability, ReactiveStringRedisTemplate template,
			String client) {
		return availability.protect(client, template.opsForValue().get("missing").defaultIfEmpty("answered"));
	}

	private static void openBreaker(RedisAvailability availability, ReactiveStringRedisTemplate template,
			String client) {
		Flux.range(0, 10)
			.flatMap((i) -> read(availability, template, client).onErrorReturn("failed"))
			.blockLast(Duration.ofSeconds(10));
		assertThat(availability.breaker(client).getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	// the latency of each call, in the order they were made, failures answered by a
	// fallback
	private static List<Long> steadyCalls(RedisAvailability availability, ReactiveStringRedisTemplate template,
			Duration duration) {
		int calls = (int) (duration.toMillis() / 20);
		// every call may be in flight at once: a slow one must not stop the ticks (on a
		// busy machine, a default of 256 overflowed the interval)
		return Flux.interval(Duration.ofMillis(20))
			.take(calls)
			.flatMapSequential((tick) -> Mono.fromSupplier(System::nanoTime)
				.flatMap((start) -> read(availability, template, "cache").onErrorReturn("fallback")
					.map((answer) -> Duration.ofNanos(System.nanoTime() - start).toMillis())), calls)
			.collectList()
			.block(duration.plusSeconds(10));
	}

	private static long waited(List<Long> latencies) {
		return latencies.stream().filter((millis) -> millis >= 450).count();
	}

	private static long percentile(List<Long> values, int percentile) {
		long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
		return sorted[Math.max(0, (int) Math.ceil(sorted.length * percentile / 100.0) - 1)];
	}

}
