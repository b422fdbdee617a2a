package com.appgain.common.api.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Whether Redis can be called, per client (rate limit, revocation, cache...).
 * <p>
 * Spring Data opens the shared connection synchronously on first use, which would block
 * an event-loop thread, so it is opened at start-up and, while Redis is unreachable,
 * retried in the background. Once open, Lettuce reconnects it on its own.
 * <p>
 * A Redis that is connected but does not answer (frozen, partitioned) would make every
 * call wait out its timeout. So each client's calls go through
 * {@link #protect(String, Mono)}: a Resilience4j breaker per client opens after a few
 * failed or timed-out calls, then refuses that client's calls at once (callers fall back
 * as they do for any Redis error) while a background {@code PING} probes Redis; its
 * answer lets a few calls through again, and their success closes the breaker.
 */
public class RedisAvailability implements SmartInitializingSingleton, DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisAvailability.class);

	private final LettuceConnectionFactory factory;

	private final RedisResilienceProperties properties;

	private final CircuitBreakerRegistry breakers;

	private volatile boolean connected;

	private String startupFailure;

	private Disposable retries;

	private Disposable probes;

	public RedisAvailability(LettuceConnectionFactory factory, RedisResilienceProperties properties,
			MeterRegistry meters) {
		this.factory = factory;
		this.properties = properties;
		// a "group" tag, as Spring Cloud CircuitBreaker's breakers have: Prometheus takes
		// one set of tag keys per metric name and refused theirs
		this.breakers = CircuitBreakerRegistry.of(Map.of("default", breakerConfig(properties)),
				Map.of("group", "redis"));
		this.breakers.getEventPublisher().onEntryAdded((added) -> logTransitions(added.getAddedEntry()));
		if (meters != null) {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.breakers).bindTo(meters);
		}
	}

	private static CircuitBreakerConfig breakerConfig(RedisResilienceProperties properties) {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.windowSize())
			.minimumNumberOfCalls(properties.minimumCalls())
			.failureRateThreshold(properties.failureRate())
			.permittedNumberOfCallsInHalfOpenState(3)
			// the background probe reopens the way; this only bounds a stuck probe
			.waitDurationInOpenState(properties.openAtMost())
			.build();
	}

	/** Whether the shared connection was opened (it may be down for a while since). */
	public boolean isConnected() {
		return this.connected;
	}

	/** Whether a call of this client would be sent to Redis now. */
	public boolean isAvailable(String client) {
		return this.connected && breaker(client).getState() != CircuitBreaker.State.OPEN;
	}

	/** The breaker of one client, for its state and metrics. */
	public CircuitBreaker breaker(String client) {
		return this.breakers.circuitBreaker(client);
	}

	/** The breaker of every client that has called Redis (or been suspended) so far. */
	public Set<CircuitBreaker> breakers() {
		return this.breakers.getAllCircuitBreakers();
	}

	/**
	 * The call, or an error at once while this client's breaker is open or the connection
	 * was never opened; callers treat the error as any other Redis failure. Lettuce's
	 * command timeout ({@code spring.data.redis.timeout}) bounds each call, and a timeout
	 * of the caller's own must be applied to the call passed in: a cancelled call does
	 * not count as failed. The answer arrives on the caller's event loop (see
	 * {@link CallersEventLoop}).
	 */
	public <T> Mono<T> protect(String client, Mono<T> call) {
		return Mono.defer(() -> this.connected
				? CallersEventLoop.of(call.transformDeferred(CircuitBreakerOperator.of(breaker(client))))
				: Mono.error(notConnected()));
	}

	/** {@link #protect(String, Mono)} for a call that answers with several values. */
	public <T> Flux<T> protect(String client, Flux<T> call) {
		return Flux.defer(() -> this.connected
				? CallersEventLoop.of(call.transformDeferred(CircuitBreakerOperator.of(breaker(client))))
				: Flux.error(notConnected()));
	}

	/**
	 * Refuses this client's calls at once, as if they had failed, until the background
	 * probe finds Redis answering: for a client that learns of an outage before its calls
	 * would (a local copy that lost its connection).
	 */
	public void suspend(String client) {
		CircuitBreaker breaker = breaker(client);
		if (breaker.getState() != CircuitBreaker.State.OPEN) {
			breaker.transitionToOpenState();
		}
	}

	/**
	 * A template whose script calls are protected as this client's: for a library that
	 * takes a template and swallows its errors (Spring Cloud Gateway's rate limiter).
	 */
	public ReactiveStringRedisTemplate protectScripts(String client, ReactiveStringRedisTemplate template) {
		return new ReactiveStringRedisTemplate(template.getConnectionFactory()) {

			@Override
			public <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<?> args) {
				return protect(client, super.execute(script, keys, args));
			}

		};
	}

	private static IllegalStateException notConnected() {
		return new IllegalStateException("no Redis connection");
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!tryConnect()) {
			logger.warn("Redis is not reachable at start-up; features that use it degrade until it is: "
					+ this.startupFailure);
			this.retries = Flux.interval(this.properties.connectRetryInterval(), Schedulers.boundedElastic())
				.map((tick) -> tryConnect())
				.takeUntil(Boolean::booleanValue)
				.subscribe();
		}
		this.probes = Flux.interval(this.properties.probeInterval(), Schedulers.boundedElastic())
			.onBackpressureDrop()
			.filter((tick) -> this.connected && anyOpen())
			.concatMap((tick) -> ping())
			.subscribe((pong) -> letCallsThrough());
	}

	private boolean tryConnect() {
		try {
			this.factory.initConnection();
			this.connected = true;
			logger.info("Redis connection open");
		}
		catch (RuntimeException ex) {
			this.connected = false;
			this.startupFailure = ex.getMessage();
		}
		return this.connected;
	}

	private boolean anyOpen() {
		return breakers().stream().anyMatch((breaker) -> breaker.getState() == CircuitBreaker.State.OPEN);
	}

	// on boundedElastic: the shared connection exists, but asking for it may still lock
	private Mono<String> ping() {
		ReactiveRedisConnectionFactory connections = this.factory;
		return Mono
			.usingWhen(Mono.fromSupplier(connections::getReactiveConnection), ReactiveRedisConnection::ping,
					ReactiveRedisConnection::closeLater)
			.timeout(this.properties.probeTimeout())
			.onErrorResume((ex) -> Mono.empty());
	}

	private void letCallsThrough() {
		breakers().stream()
			.filter((breaker) -> breaker.getState() == CircuitBreaker.State.OPEN)
			.forEach(CircuitBreaker::transitionToHalfOpenState);
	}

	private static void logTransitions(CircuitBreaker breaker) {
		breaker.getEventPublisher().onStateTransition((event) -> {
			switch (event.getStateTransition().getToState()) {
				case OPEN -> logger.warn("Redis calls of " + breaker.getName()
						+ " suspended: Redis fails or does not answer; probing it in the background");
				case CLOSED -> logger.info("Redis calls of " + breaker.getName() + " resumed");
				default -> {
				}
			}
		});
	}

	@Override
	public void destroy() {
		if (this.retries != null) {
			this.retries.dispose();
		}
		if (this.probes != null) {
			this.probes.dispose();
		}
	}

}
