package com.appgain.gateway.routing;

import org.junit.jupiter.api.Test;

import com.appgain.gateway.GatewayTestSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code twins} has two instances, one of them killed (connections refused): no request
 * fails, because a request refused at connect time was never sent and goes to the other
 * instance, whatever its method.
 */
class RetryOnAnotherInstanceTests extends GatewayTestSupport {

	private static final int REQUESTS = 20;

	@Test
	void everyGetReachesTheLiveInstanceOnce() {
		expectEveryRequestServedOnce(HttpMethod.GET);
	}

	@Test
	void everyHeadReachesTheLiveInstanceOnce() {
		expectEveryRequestServedOnce(HttpMethod.HEAD);
	}

	private void expectEveryRequestServedOnce(HttpMethod method) {
		int served = 0;
		for (int i = 0; i < REQUESTS; i++) {
			String requestId = newRequestId();
			int status = this.client.method(method)
				.uri("/api/twins/things")
				.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
				.header("X-Request-Id", requestId)
				.exchange()
				.returnResult(byte[].class)
				.getStatus()
				.value();
			assertThat(status).as(method + " " + i).isEqualTo(200);
			assertThat(upstream.calls(requestId)).as("calls of " + method + " " + i).isOne();
			served++;
		}
		System.out.printf("%s through two instances, one killed: %d of %d served%n", method, served, REQUESTS);
	}

}
