package com.appgain.gateway.ratelimit;

import java.time.Duration;
import java.util.UUID;

import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.appgain.common.test.RedisFixture;
import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Two gateways' buckets on one real Redis. */
class SharedBucketsTests {

	private static final ApiGatewayProperties.RateLimit LIMIT = new ApiGatewayProperties.RateLimit(1, 40, 1,
			Duration.ofMillis(100));

	private final String caller = "user:" + UUID.randomUUID();

	private LettuceConnectionFactory redis;

	@BeforeEach
	void connect() {
		RedisFixture.start();
		this.redis = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(RedisFixture.host(), RedisFixture.port()));
		this.redis.afterPropertiesSet();
		this.redis.start();
		this.redis.initConnection();
	}

	@AfterEach
	void close() {
		this.redis.destroy();
	}

	@Test
	void twoGatewaysTakeFromOneBucketAndOvershootByAtMostATenthOfTheBurstEach() {
		SharedBuckets first = new SharedBuckets(this.redis, LIMIT);
		SharedBuckets second = new SharedBuckets(this.redis, LIMIT);
		int granted = 0;
		for (int i = 0; i < 100; i++) {
			granted += take(first) ? 1 : 0;
			granted += take(second) ? 1 : 0;
		}
		// 40 tokens, a few more refilled during the loop, and at most 4 + 4 unwritten
		assertThat(granted).isBetween(40, 40 + 8 + 5);
	}

	@Test
	void aGatewayThatStartsLateSeesWhatTheOthersTook() {
		SharedBuckets first = new SharedBuckets(this.redis, LIMIT);
		for (int i = 0; i < 40; i++) {
			take(first);
		}
		// the first gateway's refusal made it write what it took
		assertThat(take(first)).isFalse();
		SharedBuckets late = new SharedBuckets(this.redis, LIMIT);
		ConsumptionProbe probe = late.tryConsume("api_examples", this.caller, 1).join();
		assertThat(probe.getRemainingTokens()).isLessThan(5);
	}

	@Test
	void eachRouteHasItsOwnBucket() {
		SharedBuckets gateway = new SharedBuckets(this.redis, LIMIT);
		for (int i = 0; i < 41; i++) {
			take(gateway);
		}
		assertThat(gateway.tryConsume("api_users", this.caller, 1).join().isConsumed()).isTrue();
	}

	private boolean take(SharedBuckets buckets) {
		return buckets.tryConsume("api_examples", this.caller, 1).join().isConsumed();
	}

}
