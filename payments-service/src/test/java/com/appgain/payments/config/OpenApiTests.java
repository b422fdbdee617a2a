package com.appgain.payments.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.appgain.payments.PaymentsServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTests extends PaymentsServiceIntegrationTest {

	@Test
	void theDescriptionListsEveryEndpointWithTheGatewayAsItsServer() {
		// built on the first request after start-up, which a loaded machine makes slow
		JsonNode api = this.http.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.get()
			.uri("/api/payments/openapi")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		JsonNode paths = api.get("paths");

		assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("/");
		assertThat(paths.propertyNames()).contains("/api/payments", "/api/payments/{payment_id}",
				"/api/payments/{payment_id}/refund", "/api/payments/webhooks/stripe");
		assertThat(paths.get("/api/payments").get("post").has("security")).isTrue();
		assertThat(paths.get("/api/payments/webhooks/stripe").get("post").has("security")).isFalse();
		assertThat(api.get("components").get("securitySchemes").has("bearer")).isTrue();
	}

}
