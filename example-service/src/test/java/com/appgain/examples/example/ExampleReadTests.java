package com.appgain.examples.example;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.TestTokens;
import com.appgain.examples.ExampleServiceIntegrationTest;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleReadTests extends ExampleServiceIntegrationTest {

	@Test
	void anyoneCanReadAnExampleInTheBlueprintsShape() {
		String owner = newUser();
		JsonNode created = createExample(owner, "Readable", "Something to read back", "inactive");
		String id = created.get("id").asString();

		JsonNode body = this.http.get()
			.uri(EXAMPLES + "/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectHeader()
			.valueEquals("ETag", "\"0\"")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(body.get("status").asString()).isEqualTo("success");
		assertThat(body.propertyNames()).containsExactly("example", "status");
		JsonNode example = body.get("example");
		assertThat(example.propertyNames()).containsExactly("id", "name", "description", "status", "created_at",
				"updated_at", "user_id");
		assertThat(example.get("id").asString()).isEqualTo(id).matches("[0-9a-f]{24}");
		assertThat(example.get("name").asString()).isEqualTo("Readable");
		assertThat(example.get("description").asString()).isEqualTo("Something to read back");
		assertThat(example.get("status").asString()).isEqualTo("inactive");
		assertThat(example.get("created_at").asString()).isEqualTo(created.get("created_at").asString()).endsWith("Z");
		assertThat(example.get("updated_at").isNull()).isTrue();
		assertThat(example.get("user_id").asString()).isEqualTo(owner);
	}

	@Test
	void aMalformedIdIsABadRequest() {
		Envelopes.expectFailure(this.http.get().uri(EXAMPLES + "/{id}", "not-an-id").exchange(), 400, "bad_request")
			.jsonPath("$.request_id")
			.isNotEmpty();
	}

	@Test
	void anIdThatLooksLikeAnOperatorIsABadRequest() {
		Envelopes.expectFailure(this.http.get().uri(EXAMPLES + "/{id}", "{\"$gt\":\"\"}").exchange(), 400,
				"bad_request");
	}

	@Test
	void anUnknownIdIsNotFound() {
		Envelopes
			.expectFailure(this.http.get().uri(EXAMPLES + "/{id}", new ObjectId().toHexString()).exchange(), 404,
					"not_found")
			.jsonPath("$.message")
			.isEqualTo("Example not found");
	}

	@Test
	void aClientThatAcceptsNoJsonIsTurnedAway() {
		String id = createExample(newUser(), "Json only").get("id").asString();
		Envelopes.expectFailure(this.http.get().uri(EXAMPLES + "/{id}", id).accept(MediaType.TEXT_HTML).exchange(), 406,
				"not_acceptable");
	}

	@Test
	void anInvalidTokenIsRejectedEvenOnAPublicRead() {
		String id = createExample(newUser(), "Token checked").get("id").asString();
		Envelopes.expectFailure(this.http.get()
			.uri(EXAMPLES + "/{id}", id)
			.header("Authorization", TestTokens.bearer(TestTokens.expired()))
			.exchange(), 401, "unauthorized");
	}

}
