package com.appgain.common.api.web;

import org.junit.jupiter.api.Test;

import com.appgain.common.api.ApiTestSupport;
import com.appgain.common.test.TestTokens;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHelpersTests extends ApiTestSupport {

	private static final String USER_ID = "5f1d7f3e2b8c4a0012345678";

	@Test
	void requestIdFromTheClientIsEchoedAndReachesTheLogContext() {
		this.client.get()
			.uri("/api/items/public/request-id")
			.header("X-Request-Id", "abc-123")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", "abc-123")
			.expectBody()
			.jsonPath("$.mdc")
			.isEqualTo("abc-123");
	}

	@Test
	void requestIdIsGeneratedWhenMissingOrUnsafe() {
		String generated = this.client.get()
			.uri("/api/items/public")
			.header("X-Request-Id", "bad id <script>")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		assertThat(generated).matches("[0-9a-f-]{36}");
	}

	@Test
	void errorEnvelopeCarriesTheRequestId() {
		this.client.get()
			.uri("/api/items/public/not-an-id")
			.header("X-Request-Id", "trace-me")
			.exchange()
			.expectBody()
			.jsonPath("$.request_id")
			.isEqualTo("trace-me");
	}

	@Test
	void paginationDefaultsAndClampsTheLimit() {
		this.client.get()
			.uri("/api/items/public?limit=101")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.pagination.page")
			.isEqualTo(1)
			.jsonPath("$.pagination.limit")
			.isEqualTo(100)
			.jsonPath("$.pagination.total_count")
			.isEqualTo(45)
			.jsonPath("$.pagination.total_pages")
			.isEqualTo(1)
			.jsonPath("$.pagination.has_next")
			.isEqualTo(false)
			.jsonPath("$.status")
			.isEqualTo("success");
	}

	@Test
	void paginationComputesNeighbours() {
		this.client.get()
			.uri("/api/items/public?page=2&limit=20")
			.exchange()
			.expectBody()
			.jsonPath("$.pagination.total_pages")
			.isEqualTo(3)
			.jsonPath("$.pagination.has_next")
			.isEqualTo(true)
			.jsonPath("$.pagination.has_prev")
			.isEqualTo(true);
	}

	@Test
	void nonPositiveOrNonIntegerPageParametersAreBadRequestsNamingTheParameter() {
		expectEnvelope(this.client.get().uri("/api/items/public?page=0").exchange(), 400, "bad_request",
				"Parameter 'page' must be a positive integer");
		expectEnvelope(this.client.get().uri("/api/items/public?page=abc").exchange(), 400, "bad_request",
				"Parameter 'page' must be a positive integer");
		expectEnvelope(this.client.get().uri("/api/items/public?limit=-5").exchange(), 400, "bad_request",
				"Parameter 'limit' must be a positive integer");
		expectEnvelope(this.client.get().uri("/api/items/public?limit=9999999999").exchange(), 400, "bad_request",
				"Parameter 'limit' must be a positive integer");
	}

	@Test
	void validBodyPassesTheSchema() {
		this.client.post()
			.uri("/api/items")
			.header("Authorization", TestTokens.bearer(TestTokens.user(USER_ID)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"widget\", \"quantity\": 2}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.item.name")
			.isEqualTo("widget")
			.jsonPath("$.user_id")
			.isEqualTo(USER_ID);
	}

	@Test
	void schemaViolationsListEveryFailingPath() {
		this.client.post()
			.uri("/api/items")
			.header("Authorization", TestTokens.bearer(TestTokens.user(USER_ID)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": 5, \"$where\": \"1\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Request body does not match the schema")
			.jsonPath("$.errors.length()")
			.isEqualTo(3)
			.jsonPath("$.errors[?(@.path == '/name')]")
			.exists()
			.jsonPath("$.errors[?(@.message =~ /.*quantity.*/)]")
			.exists()
			.jsonPath("$.errors[?(@.message =~ /.*\\$where.*/)]")
			.exists();
	}

	@Test
	void aNumberOutOfRangeOfTheSchemaIsABadRequestNotAServerError() {
		expectEnvelope(
				this.client.post()
					.uri("/api/items")
					.header("Authorization", TestTokens.bearer(TestTokens.user(USER_ID)))
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{\"name\": \"widget\", \"quantity\": 1e30}")
					.exchange(),
				400, "bad_request", "Request body does not match the schema: a number is out of range");
	}

}
