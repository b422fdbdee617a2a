package com.appgain.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.redis.RedisAvailability;
import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The {@code RateLimit} filter: a request takes a token from the caller's bucket for the
 * route ({@link SharedBuckets}); without one it gets the 429 envelope with
 * {@code Retry-After}. When Redis cannot be written to (never connected, connection down,
 * or its breaker open after failed calls), the request goes through unlimited: this
 * filter counts those requests in {@value #REDIS_UNAVAILABLE_METRIC} and logs only when
 * Redis goes away or comes back.
 */
public class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<RateLimitGatewayFilterFactory.Config> {

	static final String REDIS_UNAVAILABLE_METRIC = "appgain.gateway.ratelimit.redis_unavailable";

	static final String CLIENT = "ratelimit";

	private static final Log logger = LogFactory.getLog(RateLimitGatewayFilterFactory.class);

	private final SharedBuckets buckets;

	private final KeyResolver keys;

	private final RedisAvailability redis;

	private final ApiGatewayProperties.RateLimit limit;

	private final Counter redisUnavailable;

	// the same for every answer: made once
	private final String replenishRate;

	private final String burstCapacity;

	private final String requestedTokens;

	private final AtomicBoolean redisDown = new AtomicBoolean();

	public RateLimitGatewayFilterFactory(SharedBuckets buckets, KeyResolver keys, RedisAvailability redis,
			ApiGatewayProperties.RateLimit limit, MeterRegistry meters) {
		super(Config.class);
		this.buckets = buckets;
		this.keys = keys;
		this.redis = redis;
		this.limit = limit;
		this.redisUnavailable = Counter.builder(REDIS_UNAVAILABLE_METRIC)
			.description("Requests let through unlimited because Redis was unreachable")
			.register(meters);
		this.replenishRate = Integer.toString(limit.replenishRate());
		this.burstCapacity = Long.toString(limit.burstCapacity());
		this.requestedTokens = Integer.toString(limit.requestedTokens());
	}

	@Override
	public GatewayFilter apply(Config config) {
		return (exchange, chain) -> {
			if (!this.redis.isAvailable(CLIENT) || !this.buckets.isOpen()) {
				recordRedis(false, null);
				return chain.filter(exchange);
			}
			return this.keys.resolve(exchange)
				.flatMap((caller) -> this.redis.protect(CLIENT,
						Mono.fromFuture(() -> this.buckets.tryConsume(routeId(config, exchange), caller,
								this.limit.requestedTokens()), true)))
				.map((probe) -> new Limited(probe, null))
				.onErrorResume((ex) -> Mono.just(new Limited(null, ex)))
				.flatMap((limited) -> admit(limited, exchange, chain));
		};
	}

	private Mono<Void> admit(Limited limited, ServerWebExchange exchange, GatewayFilterChain chain) {
		ConsumptionProbe probe = limited.probe();
		recordRedis(probe != null, limited.failure());
		if (probe == null) {
			return chain.filter(exchange);
		}
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
		headers.set("X-RateLimit-Replenish-Rate", this.replenishRate);
		headers.set("X-RateLimit-Burst-Capacity", this.burstCapacity);
		headers.set("X-RateLimit-Requested-Tokens", this.requestedTokens);
		if (!probe.isConsumed()) {
			return Mono.error(ApiException.tooManyRequests("Too many requests, slow down", retryAfter(probe)));
		}
		return chain.filter(exchange);
	}

	// the whole seconds until the caller's bucket holds a request's tokens again, at
	// least one
	private static Duration retryAfter(ConsumptionProbe probe) {
		long second = Duration.ofSeconds(1).toNanos();
		return Duration.ofSeconds(Math.max(1, (probe.getNanosToWaitForRefill() + second - 1) / second));
	}

	private void recordRedis(boolean answered, Throwable failure) {
		if (!answered) {
			this.redisUnavailable.increment();
			if (this.redisDown.compareAndSet(false, true)) {
				logger.warn("Redis is unreachable: requests pass without rate limits until it is back"
						+ ((failure != null) ? " (" + failure + ")" : ""));
			}
		}
		else if (this.redisDown.get() && this.redisDown.compareAndSet(true, false)) {
			logger.info("Redis is reachable again: rate limits apply");
		}
	}

	private static String routeId(Config config, ServerWebExchange exchange) {
		if (config.getRouteId() != null) {
			return config.getRouteId();
		}
		Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return route.getId();
	}

	// a probe, or why there is none
	private record Limited(ConsumptionProbe probe, Throwable failure) {

	}

	/** Set by the route locator: each route has its own buckets. */
	public static class Config implements HasRouteId {

		private String routeId;

		@Override
		public void setRouteId(String routeId) {
			this.routeId = routeId;
		}

		@Override
		public String getRouteId() {
			return this.routeId;
		}

	}

}
