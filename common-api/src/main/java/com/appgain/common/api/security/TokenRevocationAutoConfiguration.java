package com.appgain.common.api.security;

import io.micrometer.core.instrument.MeterRegistry;

import com.appgain.common.api.redis.RedisAvailability;
import com.appgain.common.api.redis.RedisClientAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Checks every token against the Redis denylist in services that use Redis, answered from
 * a local copy of it kept current over Redis pub/sub
 * ({@code appgain.security.revocation-copy.enabled}).
 */
@AutoConfiguration(before = ApiSecurityAutoConfiguration.class, after = RedisClientAutoConfiguration.class)
@ConditionalOnClass(ReactiveStringRedisTemplate.class)
@ConditionalOnBean({ ReactiveRedisConnectionFactory.class, RedisAvailability.class })
@EnableConfigurationProperties(TokenRevocationProperties.class)
public final class TokenRevocationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "appgain.security.revocation-copy.enabled", matchIfMissing = true)
	RevocationCopy revocationCopy(ReactiveRedisConnectionFactory connectionFactory,
			TokenRevocationProperties properties) {
		return new RevocationCopy(connectionFactory,
				(connectionFactory instanceof LettuceConnectionFactory lettuce) ? lettuce.getClientResources() : null,
				properties.revocationCopy().resyncInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenDenylist tokenDenylist(ReactiveRedisConnectionFactory connectionFactory, RedisAvailability availability,
			MeterRegistry meters, TokenRevocationProperties properties, ObjectProvider<RevocationCopy> copy) {
		return new TokenDenylist(new ReactiveStringRedisTemplate(connectionFactory), availability,
				properties.userRevocationTtl(), meters, copy.getIfAvailable());
	}

}
