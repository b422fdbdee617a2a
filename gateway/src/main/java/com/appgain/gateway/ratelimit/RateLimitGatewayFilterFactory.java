package com.appgain.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The {@code RateLimit} filter: one Redis script call per request takes a token from the
 * caller's bucket for the route ({@link RedisRateLimiter}); without one the request gets
 * the 429 envelope with {@code Retry-After}. When Redis cannot answer,
 * {@link RedisRateLimiter} lets the request through and reports -1 tokens left (and
 * before the shared connection is open, Redis is not asked): this filter counts those
 * requests in {@value #REDIS_UNAVAILABLE_METRIC} and logs only when Redis goes away or
 * comes back.
 */
public class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<RateLimitGatewayFilterFactory.Config> {

	static final String REDIS_UNAVAILABLE_METRIC = "appgain.gateway.ratelimit.redis_unavailable";

	private static final Log logger = LogFactory.getLog(RateLimitGatewayFilterFactory.class);

	private static final String NO_ANSWER = "-1";

	private final RedisRateLimiter limiter;

	private final KeyResolver keys;

	private final BooleanSupplier redisReady;

	private final Duration retryAfter;

	private final Counter redisUnavailable;

	private final AtomicBoolean redisDown = new AtomicBoolean();

	public RateLimitGatewayFilterFactory(RedisRateLimiter limiter, KeyResolver keys, BooleanSupplier redisReady,
			Duration retryAfter, MeterRegistry meters) {
		super(Config.class);
		this.limiter = limiter;
		this.keys = keys;
		this.redisReady = redisReady;
		this.retryAfter = retryAfter;
		this.redisUnavailable = Counter.builder(REDIS_UNAVAILABLE_METRIC)
			.description("Requests let through unlimited because Redis was unreachable")
			.register(meters);
	}

	@Override
	public GatewayFilter apply(Config config) {
		return (exchange, chain) -> {
			if (!this.redisReady.getAsBoolean()) {
				recordRedis(false);
				return chain.filter(exchange);
			}
			return this.keys.resolve(exchange)
				.flatMap((key) -> this.limiter.isAllowed(routeId(config, exchange), key))
				.flatMap((response) -> admit(response, exchange, chain));
		};
	}

	private Mono<Void> admit(RateLimiter.Response response, ServerWebExchange exchange, GatewayFilterChain chain) {
		Map<String, String> headers = response.getHeaders();
		boolean answered = !NO_ANSWER.equals(headers.get(this.limiter.getRemainingHeader()));
		recordRedis(answered);
		if (answered) {
			HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
			headers.forEach(responseHeaders::set);
		}
		if (!response.isAllowed()) {
			return Mono.error(ApiException.tooManyRequests("Too many requests, slow down", this.retryAfter));
		}
		return chain.filter(exchange);
	}

	private void recordRedis(boolean answered) {
		if (!answered) {
			this.redisUnavailable.increment();
			if (this.redisDown.compareAndSet(false, true)) {
				logger.warn("Redis is unreachable: requests pass without rate limits until it is back");
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
