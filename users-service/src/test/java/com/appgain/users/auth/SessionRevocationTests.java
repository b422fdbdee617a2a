package com.appgain.users.auth;

import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.appgain.common.api.security.Role;
import com.appgain.users.IntegrationTests;
import com.appgain.users.token.AccessTokens;
import com.appgain.users.token.RefreshToken;
import com.appgain.users.token.RefreshTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every way a session ends voids its access tokens (by their {@code sid}) as well as its
 * refresh tokens, including the tokens a refresh still mints when it raced the
 * revocation. A race is replayed step by step: the refresh consumes its token, the
 * revocation happens, then the refresh inserts its successor and signs its access token.
 */
class SessionRevocationTests extends IntegrationTests {

	@Autowired
	private RefreshTokens refreshTokens;

	@Autowired
	private AccessTokens accessTokens;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void disablingAnAlreadyDisabledUserStillVoidsItsTokens() {
		String email = uniqueEmail();
		String id = (String) register(email).get("id");
		Map<String, Object> tokens = login(email, PASSWORD);
		// a first attempt stored the status, then failed before voiding the tokens
		this.mongo
			.updateFirst(Query.query(Criteria.where("id").is(new ObjectId(id))), Update.update("status", "disabled"),
					"users")
			.block();
		me(accessToken(tokens)).expectStatus().isOk();
		disable(id).expectStatus().isOk();
		expectError(me(accessToken(tokens)), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(refreshRequest(refreshToken(tokens)), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void aRefreshRacingADisableMintsNothingUsable() throws InterruptedException {
		String email = uniqueEmail();
		String id = (String) register(email).get("id");
		RefreshToken consumed = this.refreshTokens.consume(refreshToken(login(email, PASSWORD))).block();
		disable(id).expectStatus().isOk();
		// tokens signed in a later second than the disable, as a slow refresh would
		Thread.sleep(1100);
		String racedAccess = mintAccessToken(consumed);
		String racedRefresh = this.refreshTokens.rotate(consumed).block().value();
		expectError(me(racedAccess), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(refreshRequest(racedRefresh), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void aRefreshRacingAReuseDetectionMintsNothingUsable() {
		String email = uniqueEmail();
		register(email);
		Map<String, Object> first = login(email, PASSWORD);
		Map<String, Object> second = body(refreshRequest(refreshToken(first)).expectStatus().isOk(), null);
		RefreshToken consumed = this.refreshTokens.consume(refreshToken(second)).block();
		expectError(refreshRequest(refreshToken(first)), HttpStatus.UNAUTHORIZED, "unauthorized");
		String racedRefresh = this.refreshTokens.rotate(consumed).block().value();
		expectError(refreshRequest(racedRefresh), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(me(mintAccessToken(consumed)), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void reuseDetectionVoidsTheSessionsLiveAccessTokensAndNoOtherSessions() {
		String email = uniqueEmail();
		register(email);
		Map<String, Object> other = login(email, PASSWORD);
		Map<String, Object> first = login(email, PASSWORD);
		Map<String, Object> second = body(refreshRequest(refreshToken(first)).expectStatus().isOk(), null);
		expectError(refreshRequest(refreshToken(first)), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(me(accessToken(second)), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(me(accessToken(first)), HttpStatus.UNAUTHORIZED, "unauthorized");
		me(accessToken(other)).expectStatus().isOk();
	}

	private String mintAccessToken(RefreshToken consumed) {
		return this.accessTokens.issue(consumed.userId().toHexString(), Role.USER, consumed.familyId()).block().value();
	}

	private WebTestClient.ResponseSpec disable(String id) {
		return this.client.put()
			.uri("/api/users/{id}/status", id)
			.headers((headers) -> headers.setBearerAuth(adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "disabled"))
			.exchange();
	}

}
