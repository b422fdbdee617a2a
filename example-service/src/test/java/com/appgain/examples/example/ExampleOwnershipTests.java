package com.appgain.examples.example;

import java.util.stream.Stream;

import org.bson.types.ObjectId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.appgain.common.test.TestTokens;
import com.appgain.examples.ExampleServiceIntegrationTest;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may change an example: for PUT, PATCH and DELETE, each kind of caller. */
class ExampleOwnershipTests extends ExampleServiceIntegrationTest {

	private static final String PUT_BODY = "{\"name\": \"Replaced\", \"description\": \"Replaced description\"}";

	private static final String PATCH_BODY = "{\"status\": \"inactive\"}";

	static Stream<Arguments> matrix() {
		return Stream.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)
			.flatMap((method) -> Stream.of(Arguments.of(method, Caller.OWNER, 200),
					Arguments.of(method, Caller.OTHER_USER, 403), Arguments.of(method, Caller.ADMIN, 200),
					Arguments.of(method, Caller.ANONYMOUS, 401)));
	}

	@ParameterizedTest(name = "{0} by {1} answers {2}")
	@MethodSource("matrix")
	void onlyTheOwnerOrAnAdminMayChangeAnExample(HttpMethod method, Caller caller, int status) {
		String owner = newUser();
		String id = createExample(owner, "Owned").get("id").asString();

		WebTestClient.RequestBodySpec request = this.http.method(method).uri(EXAMPLES + "/{id}", id);
		String token = caller.token(owner);
		if (token != null) {
			request.header("Authorization", TestTokens.bearer(token));
		}
		if (method != HttpMethod.DELETE) {
			request.contentType(MediaType.APPLICATION_JSON)
				.bodyValue((method == HttpMethod.PUT) ? PUT_BODY : PATCH_BODY);
		}
		WebTestClient.BodyContentSpec body = request.exchange().expectStatus().isEqualTo(status).expectBody();

		if (status == 403) {
			body.jsonPath("$.error")
				.isEqualTo("forbidden")
				.jsonPath("$.message")
				.isEqualTo((method == HttpMethod.DELETE) ? "Cannot delete this example" : "Cannot modify this example");
		}
		boolean changed = status == 200;
		Example stored = this.mongo.findById(new ObjectId(id), Example.class).block();
		if (method == HttpMethod.DELETE) {
			assertThat(stored == null).isEqualTo(changed);
		}
		else {
			assertThat(stored.version()).isEqualTo(changed ? 1L : 0L);
			assertThat(stored.userId()).isEqualTo(owner);
		}
	}

	enum Caller {

		OWNER, OTHER_USER, ADMIN, ANONYMOUS;

		String token(String owner) {
			return switch (this) {
				case OWNER -> TestTokens.user(owner);
				case OTHER_USER -> TestTokens.user(TestTokens.newUserId());
				case ADMIN -> TestTokens.admin(TestTokens.newUserId());
				case ANONYMOUS -> null;
			};
		}

	}

}
