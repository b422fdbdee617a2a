package com.appgain.gateway.ratelimit;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import com.appgain.common.api.redis.RedisAvailability;
import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteDefinitionRouteLocator;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** Rate limits per caller in Redis, the same for every route. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis,
			@Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
			ConfigurationService configurationService, ApiGatewayProperties properties) {
		RedisRateLimiter limiter = new RedisRateLimiter(redis, PreloadedRedisScript.of(script), configurationService);
		// the limits of every route that has no limits of its own
		limiter.getConfig().put(RouteDefinitionRouteLocator.DEFAULT_FILTERS, limits(properties.rateLimit()));
		return limiter;
	}

	private static RedisRateLimiter.Config limits(ApiGatewayProperties.RateLimit limit) {
		return new RedisRateLimiter.Config().setReplenishRate(limit.replenishRate())
			.setBurstCapacity(limit.burstCapacity())
			.setRequestedTokens(limit.requestedTokens());
	}

	@Bean
	KeyResolver callerKeyResolver() {
		return new CallerKeyResolver();
	}

	@Bean
	RateLimitGatewayFilterFactory rateLimitGatewayFilterFactory(RedisRateLimiter limiter, KeyResolver keys,
			RedisAvailability redis, ApiGatewayProperties properties, MeterRegistry meters) {
		return new RateLimitGatewayFilterFactory(limiter, keys, redis::isConnected, properties.rateLimit().retryAfter(),
				meters);
	}

}
