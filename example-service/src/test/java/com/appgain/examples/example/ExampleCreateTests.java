package com.appgain.examples.example;

import java.time.Duration;
import java.time.Instant;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.TestTokens;
import com.appgain.examples.ExampleServiceIntegrationTest;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleCreateTests extends ExampleServiceIntegrationTest {

	@Test
	void aSignedInUserCreatesAnExampleTheyOwn() {
		String user = newUser();
		Instant before = Instant.now().minusSeconds(1);

		JsonNode body = post(TestTokens.user(user), "{\"name\": \"First\", \"description\": \"The very first one\"}")
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("ETag", "\"0\"")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(body.propertyNames()).containsExactly("message", "example", "status");
		assertThat(body.get("message").asString()).isEqualTo("Example created successfully");
		assertThat(body.get("status").asString()).isEqualTo("success");
		JsonNode example = body.get("example");
		assertThat(example.get("id").asString()).matches("[0-9a-f]{24}");
		assertThat(example.get("status").asString()).isEqualTo("active");
		assertThat(example.get("user_id").asString()).isEqualTo(user);
		assertThat(Instant.parse(example.get("created_at").asString())).isBetween(before, Instant.now());
		assertThat(example.get("updated_at").isNull()).isTrue();
		assertThat(this.mongo.findById(new ObjectId(example.get("id").asString()), Example.class).block().userId())
			.isEqualTo(user);
	}

	@Test
	void anExampleCanBeCreatedInactive() {
		post(TestTokens.user(newUser()),
				"{\"name\": \"Dormant\", \"description\": \"Starts inactive\", \"status\": \"inactive\"}")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.example.status")
			.isEqualTo("inactive");
	}

	@Test
	void anAdminCreatesAnExampleOwnedByThemselves() {
		String admin = newUser();
		post(TestTokens.admin(admin), "{\"name\": \"By admin\", \"description\": \"Created by an admin\"}")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.example.user_id")
			.isEqualTo(admin);
	}

	@Test
	void anonymousCallersMustSignIn() {
		Envelopes.expectFailure(this.http.post()
			.uri(EXAMPLES)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"Nobody\", \"description\": \"No token at all\"}")
			.exchange(), 401, "unauthorized");
	}

	@Test
	void aTokenSignedByAnotherKeyIsRejected() {
		Envelopes.expectFailure(
				post(TestTokens.wrongKey(), "{\"name\": \"Forged\", \"description\": \"Signed by someone else\"}"), 401,
				"unauthorized");
	}

	@Test
	void theOwnerComesFromTheTokenNeverFromTheBody() {
		Envelopes.expectFailure(post(TestTokens.user(newUser()),
				"{\"name\": \"Spoof\", \"description\": \"Tries to set the owner\", \"user_id\": \"65a1f0c2b3d4e5f607182930\"}"),
				400, "bad_request")
			.jsonPath("$.errors[0].path")
			.exists();
	}

	@Test
	void aMissingRequiredFieldIsABadRequestNamingIt() {
		Envelopes.expectFailure(post(TestTokens.user(newUser()), "{\"name\": \"No description\"}"), 400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Request body does not match the schema")
			.jsonPath("$.errors[0].message")
			.value(String.class, (message) -> assertThat(message).contains("description"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": 42, \"description\": \"A number for a name\"}",
			"{\"name\": \"Ok name\", \"description\": [\"not\", \"a string\"]}",
			"{\"name\": null, \"description\": \"A null name here\"}",
			"{\"name\": \"Ok name\", \"description\": \"Fine description\", \"status\": true}" })
	void aFieldOfTheWrongTypeIsABadRequest(String body) {
		assertSchemaViolation(body);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": \"ab\", \"description\": \"Name too short\"}",
			"{\"name\": \"Fine\", \"description\": \"too short\"}",
			"{\"name\": \"Fine\", \"description\": \"Long enough text\", \"status\": \"archived\"}",
			"{\"name\": \"Fine\", \"description\": \"Long enough text\", \"status\": \"deleted\"}" })
	void aValueOutsideTheSchemaIsABadRequest(String body) {
		assertSchemaViolation(body);
	}

	@Test
	void aDescriptionOfTwoThousandCharactersIsAccepted() {
		post(TestTokens.user(newUser()), "{\"name\": \"Long one\", \"description\": \"" + "d".repeat(2000) + "\"}")
			.expectStatus()
			.isCreated();
	}

	@Test
	void aDescriptionLongerThanTwoThousandCharactersIsABadRequest() {
		assertSchemaViolation("{\"name\": \"Too long\", \"description\": \"" + "d".repeat(2001) + "\"}");
	}

	@Test
	void aNameLongerThanOneHundredCharactersIsABadRequest() {
		assertSchemaViolation("{\"name\": \"" + "n".repeat(101) + "\", \"description\": \"Name is too long\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": \"Fine\", \"description\": \"Long enough text\", \"extra\": 1}",
			"{\"name\": \"Fine\", \"description\": \"Long enough text\", \"created_at\": \"2020-01-01T00:00:00Z\"}",
			"{\"name\": \"Fine\", \"description\": \"Long enough text\", \"_id\": \"65a1f0c2b3d4e5f607182930\"}",
			"{\"name\": \"Fine\", \"description\": \"Long enough text\", \"$set\": {\"user_id\": \"x\"}}",
			"{\"name\": {\"$gt\": \"\"}, \"description\": \"Operator as a value\"}",
			"{\"$where\": \"sleep(1000)\", \"name\": \"Fine\", \"description\": \"Long enough text\"}" })
	void unknownFieldsAndOperatorKeysAreBadRequests(String body) {
		assertSchemaViolation(body);
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "\"a string\"", "42", "null" })
	void aBodyThatIsNotAnObjectIsABadRequest(String body) {
		Envelopes.expectFailure(post(TestTokens.user(newUser()), body), 400, "bad_request");
	}

	@Test
	void malformedJsonIsABadRequest() {
		Envelopes.expectFailure(post(TestTokens.user(newUser()), "{\"name\": \"Broken\", "), 400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Malformed JSON request body");
	}

	@Test
	void anEmptyBodyIsABadRequest() {
		Envelopes.expectFailure(this.http.post()
			.uri(EXAMPLES)
			.header("Authorization", TestTokens.bearer(TestTokens.user(newUser())))
			.contentType(MediaType.APPLICATION_JSON)
			.exchange(), 400, "bad_request");
	}

	@Test
	void aBodyThatIsNotJsonIsUnsupported() {
		Envelopes.expectFailure(this.http.post()
			.uri(EXAMPLES)
			.header("Authorization", TestTokens.bearer(TestTokens.user(newUser())))
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("name=Plain")
			.exchange(), 415, "unsupported_media_type");
	}

	@Test
	void creationTimesAreStoredAsSent() {
		JsonNode created = createExample(newUser(), "Timed");
		Instant createdAt = Instant.parse(created.get("created_at").asString());

		assertThat(Duration.between(createdAt, Instant.now())).isLessThan(Duration.ofMinutes(1));
		this.http.get()
			.uri(EXAMPLES + "/{id}", created.get("id").asString())
			.exchange()
			.expectBody()
			.jsonPath("$.example.created_at")
			.isEqualTo(created.get("created_at").asString());
	}

	private void assertSchemaViolation(String body) {
		Envelopes.expectFailure(post(TestTokens.user(newUser()), body), 400, "bad_request")
			.jsonPath("$.errors")
			.isNotEmpty();
		assertThat(this.mongo.count(new Query(), Example.class).block()).isZero();
	}

	private WebTestClient.ResponseSpec post(String token, String json) {
		return this.http.post()
			.uri(EXAMPLES)
			.header("Authorization", TestTokens.bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

}
