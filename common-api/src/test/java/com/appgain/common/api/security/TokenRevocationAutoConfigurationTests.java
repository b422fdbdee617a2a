package com.appgain.common.api.security;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.appgain.common.api.OwnBean;
import com.appgain.common.api.redis.RedisAvailability;
import com.appgain.common.api.redis.RedisClientAutoConfiguration;
import com.appgain.common.test.RedisFixture;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRevocationAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TokenRevocationAutoConfiguration.class));

	private final ApplicationContextRunner withRedis = this.contexts
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisClientAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.data.redis.url=" + RedisFixture.uri());

	@Test
	void withRedisEveryTokenIsCheckedAgainstTheDenylist() {
		this.withRedis.run((context) -> assertThat(context).hasSingleBean(TokenDenylist.class)
			.hasSingleBean(TokenRevocationChecker.class));
	}

	@Test
	void aDenylistOfTheServicesOwnWins() {
		this.withRedis.withUserConfiguration(OwnDenylist.class)
			.run((context) -> OwnBean.wins(context, TokenDenylist.class, "ownDenylist"));
	}

	@Test
	void withoutARedisConnectionThereIsNoDenylist() {
		this.contexts.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(TokenDenylist.class)
			.doesNotHaveBean(RevocationCopy.class));
	}

	@Test
	void withoutRedisOnTheClassPathThereIsNoDenylist() {
		this.contexts.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TokenDenylist.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDenylist {

		@Bean
		TokenDenylist ownDenylist(ReactiveRedisConnectionFactory redis, RedisAvailability availability,
				MeterRegistry meters) {
			return new TokenDenylist(new ReactiveStringRedisTemplate(redis), availability, Duration.ofHours(1), meters);
		}

	}

}
