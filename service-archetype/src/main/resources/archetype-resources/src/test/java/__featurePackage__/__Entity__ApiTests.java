#set( $d = '$' )
package ${package}.${featurePackage};

import java.util.List;
import java.util.stream.StreamSupport;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import ${package}.${ServiceName}ServiceIntegrationTest;
import com.appgain.common.test.Envelopes;
import com.appgain.common.test.TestTokens;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoints of {@code /api/${serviceName}}: envelopes, validation, auth and ownership. */
class ${Entity}ApiTests extends ${ServiceName}ServiceIntegrationTest {

	@Test
	void aSignedInUserCreatesOneTheyOwn() {
		String user = TestTokens.newUserId();

		String token = TestTokens.user(user);
		JsonNode body = json(send(HttpMethod.POST, API, token, "{\"name\": \"First\"}").expectStatus().isCreated());

		assertThat(body.propertyNames()).containsExactly("message", "${entity}", "status");
		assertThat(body.get("message").asString()).isEqualTo("${entityLabel} created successfully");
		assertThat(body.get("status").asString()).isEqualTo("success");
		JsonNode created = body.get("${entity}");
		assertThat(created.get("id").asString()).matches("[0-9a-f]{24}");
		assertThat(created.get("status").asString()).isEqualTo("active");
		assertThat(created.get("user_id").asString()).isEqualTo(user);
		assertThat(created.get("updated_at").isNull()).isTrue();
	}

	@Test
	void anonymousCallersMustSignIn() {
		Envelopes.expectFailure(send(HttpMethod.POST, API, null, "{\"name\": \"Nobody\"}"), 401, "unauthorized");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"name\": \"\"}", "{\"name\": 42}", "{\"name\": \"Ok\", \"status\": \"archived\"}",
			"{\"name\": \"Ok\", \"user_id\": \"65a1f0c2b3d4e5f607182930\"}", "{\"name\": {\"${d}gt\": \"\"}}",
			"{\"${d}where\": \"sleep(1000)\", \"name\": \"Ok\"}" })
	void aBodyOutsideTheSchemaIsABadRequestAndStoresNothing(String json) {
		Envelopes.expectFailure(send(HttpMethod.POST, API, TestTokens.user(TestTokens.newUserId()), json), 400,
				"bad_request")
			.jsonPath("$.errors")
			.isNotEmpty();
		assertThat(this.mongo.count(new Query(), COLLECTION).block()).isZero();
	}

	@Test
	void oneIsReadByItsIdWithoutAToken() {
		String id = create(TestTokens.newUserId(), "Readable", "Read by anyone").get("id").asString();

		this.http.get()
			.uri(API + "/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.${entity}.name")
			.isEqualTo("Readable")
			.jsonPath("$.status")
			.isEqualTo("success");
	}

	@Test
	void anUnknownIdIsNotFoundAndAMalformedOneABadRequest() {
		Envelopes.expectFailure(this.http.get().uri(API + "/{id}", new ObjectId().toHexString()).exchange(), 404,
				"not_found");
		Envelopes.expectFailure(this.http.get().uri(API + "/not-an-id").exchange(), 400, "bad_request");
	}

	@Test
	void theListIsPagedNewestFirst() {
		String user = TestTokens.newUserId();
		for (int i = 0; i < 3; i++) {
			create(user, "Item " + i, "Number " + i);
		}

		JsonNode body = list("?limit=2");

		assertThat(body.propertyNames()).containsExactly("${listKey}", "pagination", "status");
		assertThat(names(body)).containsExactly("Item 2", "Item 1");
		assertThat(body.get("pagination").get("total_count").asLong()).isEqualTo(3);
		assertThat(body.get("pagination").get("has_next").asBoolean()).isTrue();
		assertThat(names(list("?limit=2&page=2"))).containsExactly("Item 0");
	}

	@Test
	void searchMatchesTextLiterallyNeverAsARegularExpression() {
		String user = TestTokens.newUserId();
		create(user, "Dot star .* literal", "Has the characters");
		create(user, "Plain", "Nothing special here");

		assertThat(names(list("?search={text}", ".*"))).containsExactly("Dot star .* literal");
		assertThat(names(list("?search={text}", "PLAIN"))).containsExactly("Plain");
		assertThat(names(list("?search={text}", "["))).isEmpty();
		Envelopes.expectFailure(this.http.get().uri(API + "?search=" + "x".repeat(101)).exchange(), 400,
				"bad_request");
		Envelopes.expectFailure(this.http.get().uri(API + "?status=deleted").exchange(), 400, "bad_request");
	}

	@Test
	void theOwnerAndAnAdminMayChangeItAndNobodyElse() {
		String owner = TestTokens.newUserId();
		String path = API + "/" + create(owner, "Owned", "Changed by its owner").get("id").asString();

		Envelopes.expectFailure(send(HttpMethod.PATCH, path, TestTokens.user(TestTokens.newUserId()),
				"{\"status\": \"inactive\"}"), 403, "forbidden");
		send(HttpMethod.PATCH, path, TestTokens.user(owner), "{\"status\": \"inactive\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.${entity}.status")
			.isEqualTo("inactive")
			.jsonPath("$.message")
			.isEqualTo("${entityLabel} updated successfully");
		Envelopes.expectFailure(send(HttpMethod.DELETE, path, TestTokens.user(TestTokens.newUserId()), null), 403,
				"forbidden");
		send(HttpMethod.DELETE, path, TestTokens.admin(TestTokens.newUserId()), null).expectStatus().isOk();
		Envelopes.expectFailure(this.http.get().uri(path).exchange(), 404, "not_found");
	}

	private WebTestClient.ResponseSpec send(HttpMethod method, String path, String token, String json) {
		WebTestClient.RequestBodySpec request = this.http.method(method).uri(path);
		if (token != null) {
			request.header("Authorization", TestTokens.bearer(token));
		}
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(json);
		}
		return request.exchange();
	}

	private JsonNode list(String query, Object... values) {
		return getJson(API + query, values);
	}

	private static List<String> names(JsonNode body) {
		return StreamSupport.stream(body.get("${listKey}").spliterator(), false)
			.map((found) -> found.get("name").asString())
			.toList();
	}

}
