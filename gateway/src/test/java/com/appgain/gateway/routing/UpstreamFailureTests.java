package com.appgain.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import com.appgain.gateway.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamFailureTests extends GatewayTestSupport {

	@Autowired
	private CircuitBreakerRegistry breakers;

	@Test
	void serviceThatRefusesConnectionsIsUnavailable() {
		expectEnvelope(this.client.get()
			.uri("/api/down/things")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.exchange(), 503, "service_unavailable");
	}

	@Test
	void breakerOfAServiceThatKeepsFailingOpens() {
		for (int i = 0; i < 10; i++) {
			this.client.get().uri("/api/down/things").header(HttpHeaders.AUTHORIZATION, bearerOfNewUser()).exchange();
		}
		assertThat(this.breakers.circuitBreaker("down").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		this.client.get()
			.uri("/api/down/things")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("The down service is unavailable");
	}

	@Test
	void serviceThatDoesNotAnswerInTimeIsAGatewayTimeout() {
		String requestId = newRequestId();
		this.client.get()
			.uri("/api/slow/things")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.header("X-Request-Id", requestId)
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.valueEquals("X-Request-Id", requestId)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("gateway_timeout")
			.jsonPath("$.message")
			.isEqualTo("The slow service did not answer in time")
			.jsonPath("$.request_id")
			.isEqualTo(requestId);
		assertThat(upstream.calls(requestId)).as("a timeout is not retried").isOne();
	}

	// a live instance that answers 503 lacks what every instance shares (its data store):
	// another instance would answer the same, later, and load that store more
	@Test
	void getAnsweredWithServiceUnavailableIsNotRetried() {
		String requestId = newRequestId();
		this.client.get()
			.uri("/api/flaky/things")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.header("X-Request-Id", requestId)
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		assertThat(upstream.calls(requestId)).isOne();
	}

	@Test
	void getAnsweredWithAServerErrorIsNotRetried() {
		String requestId = newRequestId();
		this.client.get()
			.uri("/api/broken/things")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.header("X-Request-Id", requestId)
			.exchange()
			.expectStatus()
			.isEqualTo(500);
		assertThat(upstream.calls(requestId)).isOne();
	}

	@Test
	void postIsNeverRetried() {
		String requestId = newRequestId();
		this.client.post()
			.uri("/api/flaky/things")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.header("X-Request-Id", requestId)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		assertThat(upstream.calls(requestId)).isOne();
	}

}
