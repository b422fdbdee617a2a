package com.appgain.common.api.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.appgain.common.test.RedisFixture;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RedisHealthAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, DataRedisHealthContributorAutoConfiguration.class,
				DataRedisReactiveHealthContributorAutoConfiguration.class, RedisClientAutoConfiguration.class,
				RedisHealthAutoConfiguration.class));

	@Test
	void theRedisHealthIsTheAvailabilitysAndUpWhileRedisAnswers() {
		this.contexts.withPropertyValues("spring.data.redis.url=" + RedisFixture.uri()).run((context) -> {
			assertThat(context).getBean("redisHealthContributor").isInstanceOf(RedisAvailabilityHealth.class);
			context.getBean(RedisAvailability.class).breaker("cache");
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("clients", Map.of("cache", "CLOSED"));
		});
	}

	@Test
	void itIsDownAtOnceWhileTheConnectionWasNeverOpened() throws IOException {
		this.contexts
			.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + closedPort(),
					"appgain.redis.connect-retry-interval=1h")
			.run((context) -> {
				assertThat(context.getBean(RedisAvailability.class).isConnected()).isFalse();
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("error", "no Redis connection since start-up");
			});
	}

	@Test
	void itIsDownWhileAClientsCallsAreSuspended() {
		this.contexts.withPropertyValues("spring.data.redis.url=" + RedisFixture.uri()).run((context) -> {
			RedisAvailability redis = context.getBean(RedisAvailability.class);
			redis.breaker("cache");
			redis.suspend("revocation");
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("clients", Map.of("cache", "CLOSED", "revocation", "OPEN"));
		});
	}

	@Test
	void turningTheRedisHealthOffLeavesNoRedisHealth() {
		this.contexts
			.withPropertyValues("spring.data.redis.url=" + RedisFixture.uri(), "management.health.redis.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("redisHealthContributor"));
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean("redisHealthContributor", ReactiveHealthIndicator.class)
			.health()
			.block(Duration.ofSeconds(1));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
