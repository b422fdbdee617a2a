package com.appgain.common.api.redis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Boot's {@code redis} health indicator with {@link RedisAvailabilityHealth}
 * ({@code management.health.redis.enabled} still turns it off).
 */
@AutoConfiguration(after = RedisClientAutoConfiguration.class, beforeName = {
		"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration" })
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(RedisAvailability.class)
@ConditionalOnEnabledHealthIndicator("redis")
public final class RedisHealthAutoConfiguration {

	// the name Boot's indicators back off for
	@Bean
	ReactiveHealthIndicator redisHealthContributor(RedisAvailability redis) {
		return new RedisAvailabilityHealth(redis);
	}

}
