package com.appgain.common.api.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import io.netty.util.HashedWheelTimer;
import org.junit.jupiter.api.Test;

import com.appgain.common.api.OwnBean;
import com.appgain.common.test.RedisFixture;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RedisClientAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisClientAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.url=" + RedisFixture.uri(), "appgain.redis.max-reconnect-delay=2s");

	@Test
	void lettuceRejectsCommandsWhileDisconnectedAndKeepsConnectionsAlive() {
		this.contexts.run((context) -> {
			ClientOptions options = context.getBean(LettuceConnectionFactory.class)
				.getClientConfiguration()
				.getClientOptions()
				.orElseThrow();
			assertThat(options.getDisconnectedBehavior()).isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
			assertThat(options.isAutoReconnect()).isTrue();
			assertThat(options.getSocketOptions().getKeepAlive().isEnabled()).isTrue();
		});
	}

	@Test
	void reconnectAttemptsAreNeverFurtherApartThanTheConfiguredMaximum() {
		this.contexts
			.run((context) -> assertThat(context.getBean(ClientResources.class).reconnectDelay().createDelay(30))
				.isEqualTo(Duration.ofSeconds(2)));
	}

	@Test
	void commandTimeoutsRunOnTheFinerTimerWhichStopsWithTheContext() {
		HashedWheelTimer[] timer = new HashedWheelTimer[1];
		this.contexts.run((context) -> {
			timer[0] = context.getBean("redisCommandTimer", HashedWheelTimer.class);
			assertThat(context.getBean(ClientResources.class).timer()).isSameAs(timer[0]);
		});
		assertThatIllegalStateException().isThrownBy(() -> timer[0].newTimeout((timeout) -> {
		}, 1, TimeUnit.SECONDS));
	}

	@Test
	void eachLettuceConnectionFactoryGetsARedisAvailability() {
		this.contexts.run((context) -> assertThat(context).hasSingleBean(RedisAvailability.class));
	}

	@Test
	void aRedisAvailabilityOfTheServicesOwnWins() {
		this.contexts.withUserConfiguration(OwnAvailability.class)
			.run((context) -> OwnBean.wins(context, RedisAvailability.class, "ownAvailability"));
	}

	@Test
	void withoutALettuceConnectionFactoryThereIsNoAvailability() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RedisClientAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RedisAvailability.class)
				.hasSingleBean(LettuceClientOptionsBuilderCustomizer.class));
	}

	@Test
	void withoutSpringDataRedisOnTheClassPathNothingIsConfigured() {
		this.contexts.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RedisAvailability.class)
				.doesNotHaveBean(RedisResilienceProperties.class)
				.doesNotHaveBean(LettuceClientOptionsBuilderCustomizer.class)
				.doesNotHaveBean(ClientResourcesBuilderCustomizer.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnAvailability {

		@Bean
		RedisAvailability ownAvailability(LettuceConnectionFactory factory, RedisResilienceProperties properties) {
			return new RedisAvailability(factory, properties, null);
		}

	}

}
