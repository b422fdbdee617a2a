package com.appgain.users.user;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.appgain.common.test.TestTokens;
import com.appgain.users.IntegrationTests;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class UserAdminTests extends IntegrationTests {

	@Test
	void everyAdminEndpointIsForbiddenToAUser() {
		String id = (String) register(uniqueEmail()).get("id");
		String token = TestTokens.user(id);
		expectError(get(token, "/api/users"), HttpStatus.FORBIDDEN, "forbidden");
		expectError(get(token, "/api/users/" + id), HttpStatus.FORBIDDEN, "forbidden");
		expectError(put(token, id, "role", Map.of("role", "admin")), HttpStatus.FORBIDDEN, "forbidden");
		expectError(put(token, id, "status", Map.of("status", "disabled")), HttpStatus.FORBIDDEN, "forbidden");
	}

	@Test
	void adminEndpointsNeedAToken() {
		expectError(this.client.get().uri("/api/users").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void theListIsPaginated() {
		String marker = marker();
		for (int i = 0; i < 3; i++) {
			register(uniqueEmail(), marker + " " + i);
		}
		String admin = adminToken();
		get(admin, "/api/users?search=" + marker + "&limit=2").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("success")
			.jsonPath("$.users.length()")
			.isEqualTo(2)
			.jsonPath("$.users[0].password_hash")
			.doesNotExist()
			.jsonPath("$.pagination.page")
			.isEqualTo(1)
			.jsonPath("$.pagination.limit")
			.isEqualTo(2)
			.jsonPath("$.pagination.total_count")
			.isEqualTo(3)
			.jsonPath("$.pagination.total_pages")
			.isEqualTo(2)
			.jsonPath("$.pagination.has_next")
			.isEqualTo(true)
			.jsonPath("$.pagination.has_prev")
			.isEqualTo(false);
		get(admin, "/api/users?search=" + marker + "&limit=2&page=2").expectBody()
			.jsonPath("$.users.length()")
			.isEqualTo(1)
			.jsonPath("$.pagination.has_next")
			.isEqualTo(false)
			.jsonPath("$.pagination.has_prev")
			.isEqualTo(true);
	}

	@Test
	void badPaginationParametersAreABadRequest() {
		String admin = adminToken();
		expectError(get(admin, "/api/users?page=0"), HttpStatus.BAD_REQUEST, "bad_request");
		expectError(get(admin, "/api/users?limit=lots"), HttpStatus.BAD_REQUEST, "bad_request");
		expectError(get(admin, "/api/users?page=21474838&limit=100"), HttpStatus.BAD_REQUEST, "bad_request");
		expectError(get(admin, "/api/users?search=a&search=b"), HttpStatus.BAD_REQUEST, "bad_request");
		expectError(get(admin, "/api/users?page={page}", "1\u0000"), HttpStatus.BAD_REQUEST, "bad_request");
	}

	@Test
	void searchMatchesTheEmailOrTheNameIgnoringCase() {
		String marker = marker();
		register("user-" + marker + "@appgain.test", "Someone");
		register(uniqueEmail(), "Named " + marker);
		get(adminToken(), "/api/users?search=" + marker.toUpperCase()).expectBody()
			.jsonPath("$.pagination.total_count")
			.isEqualTo(2);
	}

	@Test
	void searchTextIsMatchedLiterally() {
		String marker = marker();
		register(uniqueEmail(), marker + " dot.*star");
		register(uniqueEmail(), marker + " dotXXstar");
		String admin = adminToken();
		get(admin, "/api/users?search={text}", marker + " dot.*star").expectBody()
			.jsonPath("$.pagination.total_count")
			.isEqualTo(1);
		WebTestClient.ResponseSpec catastrophic = this.client.mutate()
			.responseTimeout(Duration.ofSeconds(5))
			.build()
			.get()
			.uri("/api/users?search={text}", "(a+)+$" + "a".repeat(40) + "!")
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange();
		catastrophic.expectStatus().isOk().expectBody().jsonPath("$.pagination.total_count").isEqualTo(0);
	}

	@Test
	void aDotStarSearchFindsOnlyNamesContainingDotStar() {
		String admin = adminToken();
		Map<String, Object> page = body(get(admin, "/api/users?search={text}&limit=100", ".*").expectStatus().isOk(),
				"pagination");
		Map<String, Object> all = body(get(admin, "/api/users?limit=1").expectStatus().isOk(), "pagination");
		assertThat(((Number) page.get("total_count")).longValue())
			.isLessThan(((Number) all.get("total_count")).longValue());
	}

	@Test
	void overlongOrControlCharacterSearchesAreABadRequest() {
		String admin = adminToken();
		expectError(get(admin, "/api/users?search={text}", "a".repeat(101)), HttpStatus.BAD_REQUEST, "bad_request");
		expectError(get(admin, "/api/users?search={text}", "a\u0000b"), HttpStatus.BAD_REQUEST, "bad_request");
	}

	@Test
	void anAdminReadsAnyUser() {
		Map<String, Object> user = register(uniqueEmail());
		get(adminToken(), "/api/users/" + user.get("id")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.user.email")
			.isEqualTo(user.get("email"));
	}

	@Test
	void aMalformedUserIdIsABadRequest() {
		expectError(get(adminToken(), "/api/users/not-an-id"), HttpStatus.BAD_REQUEST, "bad_request");
	}

	@Test
	void anUnknownUserIsNotFound() {
		String admin = adminToken();
		String unknown = new ObjectId().toHexString();
		expectError(get(admin, "/api/users/" + unknown), HttpStatus.NOT_FOUND, "not_found");
		expectError(put(admin, unknown, "role", Map.of("role", "admin")), HttpStatus.NOT_FOUND, "not_found");
		expectError(put(admin, unknown, "status", Map.of("status", "disabled")), HttpStatus.NOT_FOUND, "not_found");
	}

	@Test
	void aPromotedUserCanAdminister() {
		String email = uniqueEmail();
		String id = (String) register(email).get("id");
		put(adminToken(), id, "role", Map.of("role", "admin")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.user.role")
			.isEqualTo("admin");
		get(accessToken(login(email, PASSWORD)), "/api/users").expectStatus().isOk();
	}

	@Test
	void aDemotedAdminsTokensStopWorking() {
		String email = uniqueEmail();
		String id = (String) register(email).get("id");
		String admin = adminToken();
		put(admin, id, "role", Map.of("role", "admin")).expectStatus().isOk();
		String formerAdmin = accessToken(login(email, PASSWORD));
		put(admin, id, "role", Map.of("role", "user")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.user.role")
			.isEqualTo("user");
		expectError(get(formerAdmin, "/api/users"), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void anUnknownRoleOrStatusIsABadRequest() {
		String id = (String) register(uniqueEmail()).get("id");
		String admin = adminToken();
		expectError(put(admin, id, "role", Map.of("role", "root")), HttpStatus.BAD_REQUEST, "bad_request");
		expectError(put(admin, id, "status", Map.of("status", "banned")), HttpStatus.BAD_REQUEST, "bad_request");
		expectError(put(admin, "nope", "role", Map.of("role", "user")), HttpStatus.BAD_REQUEST, "bad_request");
	}

	@Test
	void anAdminCannotDemoteOrDisableThemselves() {
		String admin = adminToken();
		String self = body(me(admin).expectStatus().isOk(), "user").get("id").toString();
		expectError(put(admin, self, "role", Map.of("role", "user")), HttpStatus.CONFLICT, "conflict");
		expectError(put(admin, self, "status", Map.of("status", "disabled")), HttpStatus.CONFLICT, "conflict");
		me(admin).expectStatus().isOk().expectBody().jsonPath("$.user.role").isEqualTo("admin");
	}

	@Test
	void disablingAUserVoidsItsTokensAndBlocksItsLogin() {
		String email = uniqueEmail();
		String id = (String) register(email).get("id");
		String userToken = accessToken(login(email, PASSWORD));
		String admin = adminToken();
		put(admin, id, "status", Map.of("status", "disabled")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.user.status")
			.isEqualTo("disabled");
		expectError(me(userToken), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(loginRequest(email, PASSWORD), HttpStatus.FORBIDDEN, "forbidden");
		put(admin, id, "status", Map.of("status", "active")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.user.status")
			.isEqualTo("active");
		login(email, PASSWORD);
	}

	private WebTestClient.ResponseSpec get(String token, String uri, Object... variables) {
		return this.client.get().uri(uri, variables).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private WebTestClient.ResponseSpec put(String token, String id, String field, Map<String, Object> body) {
		return this.client.put()
			.uri("/api/users/{id}/{field}", id, field)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static String marker() {
		return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
