package com.appgain.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import com.appgain.gateway.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTests extends GatewayTestSupport {

	@Autowired
	private MeterRegistry meters;

	@Test
	void requestReachesTheServiceNamedInThePathWithPathAndQueryUnchanged() {
		String bearer = bearerOfNewUser();
		this.client.get()
			.uri("/api/examples/65a1f0c2b3d4e5f607182930/items?page=2&limit=5")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.method")
			.isEqualTo("GET")
			.jsonPath("$.uri")
			.isEqualTo("/api/examples/65a1f0c2b3d4e5f607182930/items?page=2&limit=5")
			.jsonPath("$.headers.authorization")
			.isEqualTo(bearer);
	}

	@Test
	void requestBodyIsForwarded() {
		this.client.post()
			.uri("/api/users")
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.bodyValue("{\"email\":\"a@b.c\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.method")
			.isEqualTo("POST")
			.jsonPath("$.body")
			.isEqualTo("{\"email\":\"a@b.c\"}");
	}

	@Test
	void serviceRootPathIsRouted() {
		this.client.get()
			.uri("/api/examples")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.uri")
			.isEqualTo("/api/examples");
	}

	@Test
	void unknownServiceIsNotFound() {
		expectEnvelope(this.client.get()
			.uri("/api/nothing/here")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.exchange(), 404, "not_found");
	}

	@Test
	void theGatewayItselfIsNeverARoute() {
		expectEnvelope(
				this.client.get().uri("/api/gateway/x").header(HttpHeaders.AUTHORIZATION, bearerOfNewUser()).exchange(),
				404, "not_found");
	}

	@Test
	void internalPathsAreNotRouted() {
		String requestId = newRequestId();
		expectEnvelope(this.client.get()
			.uri("/internal/examples/jobs")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.header("X-Request-Id", requestId)
			.exchange(), 404, "not_found");
		assertThat(upstream.calls(requestId)).isZero();
	}

	@Test
	void actuatorPathsAreTheGatewaysOwn() {
		String requestId = newRequestId();
		this.client.get()
			.uri("/actuator/health")
			.header("X-Request-Id", requestId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		expectEnvelope(this.client.get()
			.uri("/actuator/env")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.header("X-Request-Id", requestId)
			.exchange(), 404, "not_found");
		assertThat(upstream.calls(requestId)).isZero();
	}

	@Test
	void pathEscapingTheServiceIsRefused() {
		String requestId = newRequestId();
		expectEnvelope(this.client.get()
			.uri("/api/examples/../../internal/jobs")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.header("X-Request-Id", requestId)
			.exchange(), 400, "bad_request");
		assertThat(upstream.calls(requestId)).isZero();
	}

	@Test
	void routedRequestsAreTimed() {
		this.client.get().uri("/api/examples").exchange().expectStatus().isOk();
		assertThat(this.meters.find(UpstreamObservationConfiguration.NAME).timers()).isNotEmpty();
	}

	@Test
	void clientAddressIsForwardedInXForwardedFor() {
		this.client.get()
			.uri("/api/examples")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers.x-forwarded-for")
			.isEqualTo("127.0.0.1");
	}

}
