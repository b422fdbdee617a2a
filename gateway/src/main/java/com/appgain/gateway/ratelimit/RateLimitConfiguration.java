package com.appgain.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import com.appgain.common.api.redis.RedisAvailability;
import com.appgain.gateway.config.ApiGatewayProperties;
import com.appgain.gateway.headers.ClientAddresses;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Rate limits per caller, shared through Redis, the same for every route. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	SharedBuckets sharedBuckets(LettuceConnectionFactory redis, ApiGatewayProperties properties) {
		return new SharedBuckets(redis, properties.rateLimit());
	}

	@Bean
	KeyResolver callerKeyResolver(ClientAddresses clientAddresses) {
		return new CallerKeyResolver(clientAddresses);
	}

	@Bean
	RateLimitGatewayFilterFactory rateLimitGatewayFilterFactory(SharedBuckets buckets, KeyResolver keys,
			RedisAvailability redis, ApiGatewayProperties properties, MeterRegistry meters) {
		return new RateLimitGatewayFilterFactory(buckets, keys, redis, properties.rateLimit(), meters);
	}

}
