package com.appgain.users.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.appgain.users.IntegrationTests;
import com.appgain.users.token.RefreshToken;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokenTests extends IntegrationTests {

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void aRefreshTokenIsExchangedForANewPair() {
		String email = uniqueEmail();
		register(email);
		Map<String, Object> first = login(email, PASSWORD);
		Map<String, Object> second = body(refreshRequest(refreshToken(first)).expectStatus().isOk(), null);
		assertThat(second).containsEntry("token_type", "Bearer").containsKey("user");
		assertThat(refreshToken(second)).isNotEqualTo(refreshToken(first));
		assertThat(accessToken(second)).isNotEqualTo(accessToken(first));
		me(accessToken(second)).expectStatus().isOk();
		refreshRequest(refreshToken(second)).expectStatus().isOk();
	}

	@Test
	void reusingARotatedTokenRevokesTheWholeSession() {
		String email = uniqueEmail();
		register(email);
		String first = refreshToken(login(email, PASSWORD));
		String second = refreshToken(body(refreshRequest(first).expectStatus().isOk(), null));
		expectError(refreshRequest(first), HttpStatus.UNAUTHORIZED, "unauthorized");
		expectError(refreshRequest(second), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void reuseInOneSessionLeavesTheOtherSessionsAlone() {
		String email = uniqueEmail();
		register(email);
		String stolen = refreshToken(login(email, PASSWORD));
		String otherSession = refreshToken(login(email, PASSWORD));
		refreshRequest(stolen).expectStatus().isOk();
		expectError(refreshRequest(stolen), HttpStatus.UNAUTHORIZED, "unauthorized");
		refreshRequest(otherSession).expectStatus().isOk();
	}

	@Test
	void anUnknownRefreshTokenIsRefused() {
		expectError(refreshRequest("bm90LWEtcmVhbC1yZWZyZXNoLXRva2VuLWF0LWFsbC0xMjM"), HttpStatus.UNAUTHORIZED,
				"unauthorized");
	}

	@Test
	void aDisabledUserCannotRefresh() {
		String email = uniqueEmail();
		String id = (String) register(email).get("id");
		String refreshToken = refreshToken(login(email, PASSWORD));
		this.client.put()
			.uri("/api/users/{id}/status", id)
			.headers((headers) -> headers.setBearerAuth(adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "disabled"))
			.exchange()
			.expectStatus()
			.isOk();
		expectError(refreshRequest(refreshToken), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void aRefreshWithoutATokenIsABadRequest() {
		expectError(this.client.post()
			.uri("/api/users/auth/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange(), HttpStatus.BAD_REQUEST, "bad_request");
	}

	@Test
	void onlyTheHashOfARefreshTokenIsStored() {
		String email = uniqueEmail();
		register(email);
		String refreshToken = refreshToken(login(email, PASSWORD));
		assertThat(this.mongo.exists(Query.query(Criteria.where("hash").is(refreshToken)), RefreshToken.class).block())
			.isFalse();
		RefreshToken stored = this.mongo
			.findOne(Query.query(Criteria.where("hash").is(sha256(refreshToken))), RefreshToken.class)
			.block();
		assertThat(stored).isNotNull();
		assertThat(stored.used()).isFalse();
		assertThat(stored.familyId()).isNotBlank();
		assertThat(stored.expiresAt()).isAfter(stored.createdAt().plusSeconds(13 * 24 * 3600));
	}

	@Test
	void refreshTokensExpireThroughATtlIndex() {
		register(uniqueEmail());
		assertThat(this.mongo.indexOps(RefreshToken.class).getIndexInfo().collectList().block())
			.anySatisfy((IndexInfo index) -> {
				assertThat(index.isIndexForFields(List.of("expires_at"))).isTrue();
				assertThat(index.getExpireAfter()).hasValue(Duration.ZERO);
			});
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
