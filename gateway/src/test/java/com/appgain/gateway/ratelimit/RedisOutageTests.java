package com.appgain.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
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
		double before = unlimited();
		RedisFixture.stop();
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
