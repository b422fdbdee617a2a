package com.appgain.gateway.cors;

import org.junit.jupiter.api.Test;

import com.appgain.gateway.GatewayTestSupport;

import org.springframework.http.HttpHeaders;

class CorsTests extends GatewayTestSupport {

	private static final String ALLOWED = "https://app.example.com";

	@Test
	void preflightFromAnAllowedOriginNeedsNoToken() {
		this.client.options()
			.uri("/api/users/me")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
			.expectHeader()
			.exists("X-Request-Id");
	}

	@Test
	void preflightAllowsTheIdempotencyAndConcurrencyHeadersOfTheServices() {
		this.client.options()
			.uri("/api/payments")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS,
					"Authorization, Content-Type, Idempotency-Key, If-Match")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
					(allowed) -> org.assertj.core.api.Assertions.assertThat(allowed)
						.containsIgnoringCase("Idempotency-Key")
						.containsIgnoringCase("If-Match"));
	}

	@Test
	void preflightFromAnotherOriginIsForbidden() {
		expectEnvelope(this.client.options()
			.uri("/api/users/me")
			.header(HttpHeaders.ORIGIN, "https://evil.example.net")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange(), 403, "forbidden");
	}

	@Test
	void crossOriginResponseCarriesTheAllowedOriginOnce() {
		this.client.get()
			.uri("/api/examples")
			.header(HttpHeaders.ORIGIN, ALLOWED)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
					"X-Request-Id, Retry-After, X-RateLimit-Remaining, ETag, Idempotent-Replayed");
	}

}
