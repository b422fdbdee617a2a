package com.appgain.users.user;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.appgain.common.test.TestTokens;
import com.appgain.users.IntegrationTests;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ProfileTests extends IntegrationTests {

	@Test
	void meReturnsTheCaller() {
		String email = uniqueEmail();
		Map<String, Object> user = register(email, "Grace");
		me(accessToken(login(email, PASSWORD))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("success")
			.jsonPath("$.user.id")
			.isEqualTo(user.get("id"))
			.jsonPath("$.user.name")
			.isEqualTo("Grace")
			.jsonPath("$.user.password_hash")
			.doesNotExist();
	}

	@Test
	void meNeedsAValidToken() {
		expectError(this.client.get().uri("/api/users/me").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(me(TestTokens.expired()), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(me(TestTokens.wrongKey()), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(me(TestTokens.wrongAudience()), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(me(TestTokens.algNone()), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(me(TestTokens.hmacWithPublicKey()), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(me(TestTokens.malformed()), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void meOfAUserThatNoLongerExistsIsNotFound() {
		expectError(me(TestTokens.user(TestTokens.newUserId())), HttpStatus.NOT_FOUND, "not_found");
	}

	@Test
	void theNameCanBeChanged() {
		String email = uniqueEmail();
		register(email, "Old Name");
		String token = accessToken(login(email, PASSWORD));
		update(token, Map.of("name", "  New Name ")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("User updated successfully")
			.jsonPath("$.user.name")
			.isEqualTo("New Name");
		me(token).expectBody().jsonPath("$.user.name").isEqualTo("New Name");
	}

	@Test
	void aNewPasswordNeedsTheCurrentOne() {
		String email = uniqueEmail();
		register(email);
		String token = accessToken(login(email, PASSWORD));
		expectError(update(token, Map.of("password", "brand new password")), HttpStatus.BAD_REQUEST, "bad_request");
		expectError(update(token, Map.of("password", "brand new password", "current_password", "not it")),
				HttpStatus.FORBIDDEN, "forbidden");
		expectError(loginRequest(email, "brand new password"), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void aChangedPasswordReplacesTheOldOne() {
		String email = uniqueEmail();
		register(email);
		String token = accessToken(login(email, PASSWORD));
		update(token, Map.of("password", "brand new password", "current_password", PASSWORD)).expectStatus().isOk();
		clientFromItsOwnAddress();
		expectError(loginRequest(email, PASSWORD), HttpStatus.UNAUTHORIZED, "unauthorized");
		login(email, "brand new password");
	}

	@Test
	void aPasswordChangeEndsTheOtherSessionsAndTheirAccessTokensButNotThisOne() {
		String email = uniqueEmail();
		register(email);
		Map<String, Object> here = login(email, PASSWORD);
		Map<String, Object> elsewhere = login(email, PASSWORD);
		update(accessToken(here), Map.of("password", "brand new password", "current_password", PASSWORD)).expectStatus()
			.isOk();
		expectError(refreshRequest(refreshToken(elsewhere)), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(me(accessToken(elsewhere)), HttpStatus.UNAUTHORIZED, "unauthorized");
		me(accessToken(here)).expectStatus().isOk();
		refreshRequest(refreshToken(here)).expectStatus().isOk();
	}

	@Test
	void anUpdateMustChangeSomethingKnown() {
		String email = uniqueEmail();
		register(email);
		String token = accessToken(login(email, PASSWORD));
		expectError(update(token, Map.of()), HttpStatus.BAD_REQUEST, "bad_request");
		expectError(update(token, Map.of("role", "admin")), HttpStatus.BAD_REQUEST, "bad_request");
		expectError(update(token, Map.of("email", "other@appgain.test")), HttpStatus.BAD_REQUEST, "bad_request");
		expectError(update(token, Map.of("name", "   ")), HttpStatus.BAD_REQUEST, "bad_request");
	}

	private WebTestClient.ResponseSpec update(String token, Map<String, Object> body) {
		return this.client.put()
			.uri("/api/users/me")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
