package com.appgain.users.token;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import com.appgain.common.test.TestTokens;
import com.appgain.users.IntegrationTests;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class JwksTests extends IntegrationTests {

	@Test
	void theSigningKeyAndThePreviousKeyArePublishedWithoutToken() throws ParseException {
		String json = this.client.get()
			.uri("/api/users/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, (value) -> assertThat(value).contains("public").contains("max-age=300"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		JWKSet keys = JWKSet.parse(json);
		assertThat(keys.getKeys()).extracting((key) -> key.getKeyID()).containsExactly("test-key", "previous-key");
		assertThat(keys.getKeys()).noneMatch((key) -> key.isPrivate());
		assertThat(json).doesNotContain("\"d\"").doesNotContain("\"p\"");
	}

	@Test
	void anIssuedTokenVerifiesWithThePublishedKey() throws ParseException, JOSEException {
		String email = uniqueEmail();
		register(email);
		SignedJWT token = SignedJWT.parse(accessToken(login(email, PASSWORD)));
		String json = this.client.get()
			.uri("/api/users/.well-known/jwks.json")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		RSAKey published = JWKSet.parse(json).getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey();
		assertThat(token.verify(new RSASSAVerifier(published))).isTrue();
	}

	@Test
	void aTokenSignedWithThePreviousKeyIsStillAccepted() {
		String id = (String) register(uniqueEmail()).get("id");
		String token = TestTokens.builder().subject(id).signedWith(PREVIOUS_KEY).build();
		me(token).expectStatus().isOk();
	}

	@Test
	void aTokenSignedWithAnUnpublishedKeyIsRefused() {
		expectError(me(TestTokens.wrongKey()), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void aTokenFromTheTestKitIsAcceptedBecauseItsKeyIsTheSigningKey() {
		String id = (String) register(uniqueEmail()).get("id");
		Map<String, Object> user = body(me(TestTokens.user(id)).expectStatus().isOk(), "user");
		assertThat(user).containsEntry("id", id);
	}

}
