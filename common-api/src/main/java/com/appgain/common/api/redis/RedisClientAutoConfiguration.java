package com.appgain.common.api.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Redis as every service uses it: a command fails at once while Redis is unreachable
 * (instead of queueing until a timeout), so callers can fall back, and
 * {@link RedisAvailability} keeps connection set-up off the event loop.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ LettuceConnectionFactory.class, LettuceClientOptionsBuilderCustomizer.class })
public final class RedisClientAutoConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.autoReconnect(true);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(LettuceConnectionFactory.class)
	RedisAvailability redisAvailability(LettuceConnectionFactory factory,
			@Value("${appgain.redis.connect-retry-interval:5s}") Duration retryInterval) {
		return new RedisAvailability(factory, retryInterval);
	}

}
