package com.appgain.users.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.appgain.users.IntegrationTests;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class LogoutTests extends IntegrationTests {

	@Test
	void afterLogoutTheAccessAndRefreshTokensAreRefused() {
		String email = uniqueEmail();
		register(email);
		Map<String, Object> tokens = login(email, PASSWORD);
		logout(accessToken(tokens), Map.of("refresh_token", refreshToken(tokens))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Logged out successfully")
			.jsonPath("$.status")
			.isEqualTo("success");
		expectError(me(accessToken(tokens)), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(refreshRequest(refreshToken(tokens)), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void logoutWithoutABodyEndsTheSessionOfItsToken() {
		String email = uniqueEmail();
		register(email);
		Map<String, Object> tokens = login(email, PASSWORD);
		logout(accessToken(tokens), null).expectStatus().isOk();
		expectError(me(accessToken(tokens)), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(refreshRequest(refreshToken(tokens)), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void logoutLeavesTheUsersOtherSessionsAlone() {
		String email = uniqueEmail();
		register(email);
		Map<String, Object> leaving = login(email, PASSWORD);
		Map<String, Object> staying = login(email, PASSWORD);
		logout(accessToken(leaving), null).expectStatus().isOk();
		me(accessToken(staying)).expectStatus().isOk();
		refreshRequest(refreshToken(staying)).expectStatus().isOk();
	}

	@Test
	void logoutNeedsAnAccessToken() {
		expectError(this.client.post().uri("/api/users/auth/logout").exchange(), HttpStatus.UNAUTHORIZED,
				"unauthorized");
	}

	@Test
	void anotherUsersRefreshTokenIsNotRevokedByMyLogout() {
		String mine = uniqueEmail();
		String theirs = uniqueEmail();
		register(mine);
		register(theirs);
		Map<String, Object> myTokens = login(mine, PASSWORD);
		Map<String, Object> theirTokens = login(theirs, PASSWORD);
		logout(accessToken(myTokens), Map.of("refresh_token", refreshToken(theirTokens))).expectStatus().isOk();
		refreshRequest(refreshToken(theirTokens)).expectStatus().isOk();
	}

	@Test
	void aLogoutBodyWithUnknownFieldsIsABadRequest() {
		String email = uniqueEmail();
		register(email);
		Map<String, Object> tokens = login(email, PASSWORD);
		expectError(logout(accessToken(tokens), Map.of("refresh_token", "x", "all", true)), HttpStatus.BAD_REQUEST,
				"bad_request");
	}

	private WebTestClient.ResponseSpec logout(String accessToken, Map<String, Object> body) {
		WebTestClient.RequestBodySpec request = this.client.post()
			.uri("/api/users/auth/logout")
			.headers((headers) -> headers.setBearerAuth(accessToken));
		return (body != null) ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
				: request.exchange();
	}

}
