package com.appgain.examples.example;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.TestTokens;
import com.appgain.examples.ExampleServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleDeleteTests extends ExampleServiceIntegrationTest {

	@Test
	void theOwnerDeletesAnExampleAndItIsGone() {
		String owner = newUser();
		String id = createExample(owner, "Short-lived").get("id").asString();

		this.http.delete()
			.uri(EXAMPLES + "/{id}", id)
			.header("Authorization", TestTokens.bearer(TestTokens.user(owner)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"message\": \"Example deleted successfully\", \"status\": \"success\"}", true);

		Envelopes.expectFailure(this.http.get().uri(EXAMPLES + "/{id}", id).exchange(), 404, "not_found");
		assertThat(this.mongo.findById(new ObjectId(id), Example.class).block()).isNull();
	}

	@Test
	void deletingTwiceIsNotFoundTheSecondTime() {
		String owner = newUser();
		String id = createExample(owner, "Once only").get("id").asString();

		for (int expected : new int[] { 200, 404 }) {
			this.http.delete()
				.uri(EXAMPLES + "/{id}", id)
				.header("Authorization", TestTokens.bearer(TestTokens.user(owner)))
				.exchange()
				.expectStatus()
				.isEqualTo(expected);
		}
	}

	@Test
	void aDeleteWithAStaleIfMatchIsAConflictAndKeepsTheExample() {
		String owner = newUser();
		String id = createExample(owner, "Guarded").get("id").asString();

		Envelopes.expectFailure(this.http.delete()
			.uri(EXAMPLES + "/{id}", id)
			.header("Authorization", TestTokens.bearer(TestTokens.user(owner)))
			.header("If-Match", "\"5\"")
			.exchange(), 409, "conflict");

		assertThat(this.mongo.findById(new ObjectId(id), Example.class).block()).isNotNull();
	}

	@Test
	void anonymousCallersCannotDelete() {
		String id = createExample(newUser(), "Protected").get("id").asString();

		Envelopes.expectFailure(this.http.delete().uri(EXAMPLES + "/{id}", id).exchange(), 401, "unauthorized")
			.jsonPath("$.message")
			.isEqualTo("Authentication required");
	}

}
