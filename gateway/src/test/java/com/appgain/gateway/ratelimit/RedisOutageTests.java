package com.appgain.gateway.ratelimit;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.appgain.common.test.RedisFixture;
import com.appgain.gateway.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** Stops the shared Redis: runs after every other class of the shared context. */
@Order(Integer.MAX_VALUE)
class RedisOutageTests extends GatewayTestSupport {

	@Autowired
	private MeterRegistry meters;

	@AfterAll
	static void redisComesBack() {
		RedisFixture.start();
	}

	@Test
	void requestsPassWithoutRateLimitWhileRedisIsDownAndAreCounted() {
		String bearer = bearerOfNewUser();
		this.client.get()
			.uri("/api/examples/mine")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.exchange()
			.expectStatus()
			.isOk();
		RedisFixture.stop();
		// until its next write to Redis fails, the gateway limits with the copy it holds
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.client.get()
				.uri("/api/examples/mine")
				.header(HttpHeaders.AUTHORIZATION, bearer)
				.exchange()
				.returnResult(Void.class)
				.getResponseHeaders()
				.getFirst("X-RateLimit-Remaining") == null);
		double before = unlimited();
		for (int i = 0; i < 15; i++) {
			this.client.get()
				.uri("/api/examples/mine")
				.header(HttpHeaders.AUTHORIZATION, bearer)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.doesNotExist("X-RateLimit-Remaining");
		}
		assertThat(unlimited() - before).isEqualTo(15);
	}

	private double unlimited() {
		return this.meters.counter(RateLimitGatewayFilterFactory.REDIS_UNAVAILABLE_METRIC).count();
	}

}
