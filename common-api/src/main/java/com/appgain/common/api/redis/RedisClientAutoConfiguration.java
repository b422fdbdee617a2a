package com.appgain.common.api.redis;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Redis as every service uses it: a command fails at once while Redis is unreachable
 * (instead of queueing until a timeout), so callers can fall back, and
 * {@link RedisAvailability} keeps connection set-up off the event loop and stops each
 * client calling a Redis that does not answer.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ LettuceConnectionFactory.class, LettuceClientOptionsBuilderCustomizer.class })
@EnableConfigurationProperties(RedisResilienceProperties.class)
public final class RedisClientAutoConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.autoReconnect(true);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(LettuceConnectionFactory.class)
	RedisAvailability redisAvailability(LettuceConnectionFactory factory, RedisResilienceProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		return new RedisAvailability(factory, properties, meters.getIfAvailable());
	}

}
