package com.appgain.examples.example;

import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.TestTokens;
import com.appgain.examples.ExampleServiceIntegrationTest;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** PUT and PATCH of {@code /api/examples/{example_id}}. */
class ExampleUpdateTests extends ExampleServiceIntegrationTest {

	@Test
	void putReplacesTheFieldsAndSetsTheUpdateTime() {
		String owner = newUser();
		JsonNode created = createExample(owner, "Before", "The text before", "active");
		String id = created.get("id").asString();

		JsonNode body = change(HttpMethod.PUT, id, TestTokens.user(owner),
				"{\"name\": \"After\", \"description\": \"The text after\", \"status\": \"inactive\"}")
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(body.propertyNames()).containsExactly("message", "example", "status");
		assertThat(body.get("message").asString()).isEqualTo("Example updated successfully");
		JsonNode example = body.get("example");
		assertThat(example.get("name").asString()).isEqualTo("After");
		assertThat(example.get("description").asString()).isEqualTo("The text after");
		assertThat(example.get("status").asString()).isEqualTo("inactive");
		assertThat(example.get("created_at").asString()).isEqualTo(created.get("created_at").asString());
		assertThat(Instant.parse(example.get("updated_at").asString()))
			.isAfterOrEqualTo(Instant.parse(created.get("created_at").asString()));
		assertThat(example.get("user_id").asString()).isEqualTo(owner);
	}

	@Test
	void putWithoutAStatusKeepsTheCurrentOne() {
		String owner = newUser();
		String id = createExample(owner, "Keeps", "Status is kept", "inactive").get("id").asString();

		change(HttpMethod.PUT, id, TestTokens.user(owner), "{\"name\": \"Kept\", \"description\": \"Status is kept\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.example.status")
			.isEqualTo("inactive");
	}

	@Test
	void anAdminsChangeKeepsTheOriginalOwner() {
		String owner = newUser();
		String id = createExample(owner, "Moderated").get("id").asString();

		change(HttpMethod.PATCH, id, TestTokens.admin(newUser()), "{\"name\": \"Moderated by admin\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.example.user_id")
			.isEqualTo(owner);
	}

	@Test
	void patchChangesOnlyTheFieldsSent() {
		String owner = newUser();
		String id = createExample(owner, "Patchable", "Original description", "active").get("id").asString();

		change(HttpMethod.PATCH, id, TestTokens.user(owner), "{\"status\": \"inactive\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.example.status")
			.isEqualTo("inactive")
			.jsonPath("$.example.name")
			.isEqualTo("Patchable")
			.jsonPath("$.example.description")
			.isEqualTo("Original description")
			.jsonPath("$.example.updated_at")
			.isNotEmpty();
	}

	@Test
	void anArchivedExampleCanBeMadeActiveAgainByItsOwner() {
		String owner = newUser();
		Example archived = this.mongo
			.insert(new Example(null, "Archived", "Archived long ago", "archived", Instant.now(), null, owner, null))
			.block();

		change(HttpMethod.PATCH, archived.id().toHexString(), TestTokens.user(owner), "{\"status\": \"active\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.example.status")
			.isEqualTo("active");
	}

	@Test
	void aPatchedDescriptionLongerThanTwoThousandCharactersIsABadRequest() {
		String owner = newUser();
		String id = createExample(owner, "Long patch").get("id").asString();

		Envelopes.expectFailure(
				change(HttpMethod.PATCH, id, TestTokens.user(owner), "{\"description\": \"" + "d".repeat(2001) + "\"}"),
				400, "bad_request");
		assertThat(stored(id).version()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"status\": \"archived\"}", "{\"name\": \"no\"}", "{\"user_id\": \"someone\"}",
			"{\"$set\": {\"status\": \"archived\"}}", "{\"name\": {\"$ne\": null}}", "{\"version\": 0}" })
	void aPatchOutsideItsSchemaIsABadRequest(String body) {
		String owner = newUser();
		String id = createExample(owner, "Strict patch").get("id").asString();

		Envelopes.expectFailure(change(HttpMethod.PATCH, id, TestTokens.user(owner), body), 400, "bad_request")
			.jsonPath("$.errors")
			.isNotEmpty();
		assertThat(stored(id).version()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": \"Only a name\"}",
			"{\"name\": \"Fine\", \"description\": \"Long enough text\", \"extra\": true}",
			"{\"name\": \"Fine\", \"description\": \"Long enough text\", \"$inc\": {\"version\": 5}}",
			"{\"name\": 7, \"description\": \"Long enough text\"}" })
	void aPutOutsideTheCreateSchemaIsABadRequest(String body) {
		String owner = newUser();
		String id = createExample(owner, "Strict put").get("id").asString();

		Envelopes.expectFailure(change(HttpMethod.PUT, id, TestTokens.user(owner), body), 400, "bad_request");
		assertThat(stored(id).version()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT", "PATCH", "DELETE" })
	void aMalformedIdIsABadRequest(String method) {
		Envelopes
			.expectFailure(change(HttpMethod.valueOf(method), "12345", TestTokens.user(newUser()),
					"{\"name\": \"Whatever name\"}"), 400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Invalid example_id: expected a 24-character hex id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT", "PATCH", "DELETE" })
	void anUnknownIdIsNotFound(String method) {
		Envelopes
			.expectFailure(change(HttpMethod.valueOf(method), new ObjectId().toHexString(), TestTokens.user(newUser()),
					"{\"name\": \"Whatever name\", \"description\": \"Some description\"}"), 404, "not_found")
			.jsonPath("$.message")
			.isEqualTo("Example not found");
	}

	@Test
	void aStaleIfMatchIsAConflict() {
		String owner = newUser();
		String id = createExample(owner, "Versioned").get("id").asString();
		change(HttpMethod.PATCH, id, TestTokens.user(owner), "{\"name\": \"Version one\"}").expectStatus().isOk();

		Envelopes.expectFailure(
				changeIfMatch(HttpMethod.PATCH, id, owner, "\"0\"", "{\"name\": \"Based on version zero\"}"), 409,
				"conflict");
		assertThat(stored(id).name()).isEqualTo("Version one");
	}

	@Test
	void aCurrentIfMatchIsAccepted() {
		String owner = newUser();
		String id = createExample(owner, "Versioned").get("id").asString();

		changeIfMatch(HttpMethod.PUT, id, owner, "\"0\"",
				"{\"name\": \"Version one\", \"description\": \"Based on version zero\"}")
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"");
	}

	@Test
	void anIfMatchThatIsNotOurETagIsABadRequest() {
		String owner = newUser();
		String id = createExample(owner, "Versioned").get("id").asString();

		Envelopes.expectFailure(changeIfMatch(HttpMethod.PATCH, id, owner, "\"abc\"", "{\"name\": \"Whatever name\"}"),
				400, "bad_request");
	}

	@Test
	void ofTwoConcurrentUpdatesOfTheSameVersionOneWinsAndTheOtherIsAConflict() {
		String owner = newUser();
		String id = createExample(owner, "Contended").get("id").asString();

		List<Integer> statuses = Flux.just("First writer", "Second writer")
			.parallel(2)
			.runOn(Schedulers.boundedElastic())
			.map((name) -> putAtVersionZero(id, owner, name).getStatus().value())
			.sequential()
			.collectList()
			.block();

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(stored(id).version()).isEqualTo(1L);
	}

	@Test
	void manyConcurrentUpdatesNeverLoseOne() {
		String owner = newUser();
		String id = createExample(owner, "Hot spot").get("id").asString();

		List<Integer> statuses = Flux.range(0, 8)
			.parallel(8)
			.runOn(Schedulers.boundedElastic())
			.map((i) -> change(HttpMethod.PATCH, id, TestTokens.user(owner), "{\"name\": \"Writer " + i + "\"}")
				.returnResult(String.class)
				.getStatus()
				.value())
			.sequential()
			.collectList()
			.block();

		assertThat(statuses).containsOnly(200, 409).contains(200);
		long wins = statuses.stream().filter((status) -> status == 200).count();
		assertThat(stored(id).version()).isEqualTo(wins);
	}

	@Test
	void aWriteBasedOnAStaleVersionIsRefusedByTheStore() {
		Example current = this.mongo
			.insert(new Example(null, "Stored", "Stored description", "active", Instant.now(), null, "u", null))
			.block();
		this.mongo.save(current.apply(new ExampleRequest("Winner", null, null))).block();

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.mongo.save(current.apply(new ExampleRequest("Loser", null, null))).block());
	}

	private EntityExchangeResult<String> putAtVersionZero(String id, String owner, String name) {
		return changeIfMatch(HttpMethod.PUT, id, owner, "\"0\"",
				"{\"name\": \"" + name + "\", \"description\": \"Written concurrently\"}")
			.expectBody(String.class)
			.returnResult();
	}

	private WebTestClient.ResponseSpec changeIfMatch(HttpMethod method, String id, String owner, String ifMatch,
			String json) {
		return this.http.method(method)
			.uri(EXAMPLES + "/{id}", id)
			.header("Authorization", TestTokens.bearer(TestTokens.user(owner)))
			.header("If-Match", ifMatch)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private WebTestClient.ResponseSpec change(HttpMethod method, String id, String token, String json) {
		WebTestClient.RequestBodySpec request = this.http.method(method)
			.uri(EXAMPLES + "/{id}", id)
			.header("Authorization", TestTokens.bearer(token));
		if (method == HttpMethod.DELETE) {
			return request.exchange();
		}
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
	}

	private Example stored(String id) {
		return this.mongo.findById(new ObjectId(id), Example.class).block();
	}

}
