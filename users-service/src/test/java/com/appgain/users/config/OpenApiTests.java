package com.appgain.users.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.appgain.users.IntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTests extends IntegrationTests {

	@Test
	void theDescriptionListsEveryEndpointWithTheGatewayAsItsServer() {
		JsonNode api = description();

		assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("/");
		assertThat(api.get("paths").propertyNames()).contains("/api/users", "/api/users/me", "/api/users/auth/login",
				"/api/users/auth/refresh", "/api/users/auth/logout", "/api/users/{user_id}",
				"/api/users/{user_id}/role", "/api/users/{user_id}/status", "/api/users/.well-known/jwks.json");
		assertThat(api.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
			.isEqualTo("bearer");
	}

	@Test
	void onlyTheOperationsThatNeedATokenAskForTheBearer() {
		JsonNode paths = description().get("paths");

		assertThat(paths.get("/api/users/me").get("get").has("security")).isTrue();
		assertThat(paths.get("/api/users").get("get").has("security")).isTrue();
		assertThat(paths.get("/api/users/auth/logout").get("post").has("security")).isTrue();
		assertThat(paths.get("/api/users").get("post").has("security")).isFalse();
		assertThat(paths.get("/api/users/auth/login").get("post").has("security")).isFalse();
	}

	private JsonNode description() {
		// built on the first request after start-up, which a loaded machine makes slow
		return this.client.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.get()
			.uri("/api/users/openapi")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

}
