package com.appgain.common.api.security;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import com.appgain.common.api.redis.RedisAvailability;
import com.appgain.common.api.redis.RedisClientAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
public final class TokenRevocationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "appgain.security.revocation-copy.enabled")
	RevocationCopy revocationCopy(ReactiveRedisConnectionFactory connectionFactory,
			@Value("${appgain.security.revocation-copy.resync-interval:30s}") Duration resyncInterval) {
		return new RevocationCopy(connectionFactory,
				(connectionFactory instanceof LettuceConnectionFactory lettuce) ? lettuce.getClientResources() : null,
				resyncInterval);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenDenylist tokenDenylist(ReactiveRedisConnectionFactory connectionFactory, RedisAvailability availability,
			MeterRegistry meters, @Value("${appgain.security.user-revocation-ttl:1d}") Duration userRevocationTtl,
			ObjectProvider<RevocationCopy> copy) {
		return new TokenDenylist(new ReactiveStringRedisTemplate(connectionFactory), availability, userRevocationTtl,
				meters, copy.getIfAvailable());
	}

}
