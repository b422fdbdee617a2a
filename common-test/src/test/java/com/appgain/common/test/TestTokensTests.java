package com.appgain.common.test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestTokensTests {

	private final JwtDecoder decoder = decoder();

	@Test
	void userTokenVerifiesWithTheTestPublicKeyAndCarriesThePlatformClaims() {
		String userId = TestTokens.newUserId();

		Jwt jwt = this.decoder.decode(TestTokens.user(userId));

		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", "test-key");
		assertThat(jwt.getClaimAsString("iss")).isEqualTo("appgain-users");
		assertThat(jwt.getAudience()).containsExactly("appgain");
		assertThat(jwt.getSubject()).isEqualTo(userId).matches("[0-9a-f]{24}");
		assertThat(jwt.getClaimAsString("role")).isEqualTo("user");
		assertThat(jwt.getId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
		assertThat(jwt.getClaims().keySet()).containsExactlyInAnyOrder("iss", "aud", "sub", "role", "jti", "iat",
				"exp");
	}

	@Test
	void adminTokenCarriesTheAdminRole() {
		Jwt jwt = this.decoder.decode(TestTokens.admin(TestTokens.USER_ID));

		assertThat(jwt.getClaimAsString("role")).isEqualTo("admin");
	}

	@Test
	void audienceIsSerializedAsAJsonArray() throws Exception {
		JWSObject token = JWSObject.parse(TestTokens.user(TestTokens.USER_ID));

		assertThat(token.getPayload().toString()).contains("\"aud\":[\"appgain\"]");
	}

	@Test
	void builderSetsAndRemovesClaims() {
		Jwt jwt = this.decoder.decode(TestTokens.builder().admin().jwtId("fixed-id").claim("extra", 7).build());

		assertThat(jwt.getId()).isEqualTo("fixed-id");
		assertThat(jwt.getClaimAsString("role")).isEqualTo("admin");
		assertThat(jwt.<Long>getClaim("extra")).isEqualTo(7L);
	}

	@Test
	void expiredTokenIsRejectedAsExpired() {
		assertRejected(TestTokens.expired(), JwtValidationException.class, "Jwt expired at");
	}

	@Test
	void tokenFromAnotherIssuerIsRejectedOnIss() {
		assertRejected(TestTokens.wrongIssuer(), JwtValidationException.class, "The iss claim is not valid");
	}

	@Test
	void tokenForAnotherAudienceIsRejectedOnAud() {
		assertRejected(TestTokens.wrongAudience(), JwtValidationException.class, "The aud claim is not valid");
	}

	@Test
	void unsignedAlgNoneTokenIsRejected() {
		String token = TestTokens.algNone();

		assertThat(token).endsWith(".");
		assertThat(new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
				StandardCharsets.UTF_8))
			.isEqualTo("{\"alg\":\"none\"}");
		assertRejected(token, BadJwtException.class, "Unsupported algorithm of none");
	}

	@Test
	void tokenSignedByAnotherKeyWithTheSameKidIsRejectedOnSignature() throws Exception {
		String token = TestTokens.wrongKey();

		assertThat(JWSObject.parse(token).getHeader().getKeyID()).isEqualTo("test-key");
		assertRejected(token, BadJwtException.class, "Invalid signature");
	}

	@Test
	void hmacTokenKeyedWithThePublicKeyIsRejectedOnAlgorithm() throws Exception {
		String token = TestTokens.hmacWithPublicKey();
		JWSObject jws = JWSObject.parse(token);

		assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
		assertThat(jws.verify(new MACVerifier(TestKeys.publicKey().getEncoded()))).isTrue();
		assertRejected(token, BadJwtException.class, "Another algorithm expected");
	}

	@Test
	void malformedTokenIsRejectedAsMalformed() {
		assertRejected(TestTokens.malformed(), BadJwtException.class, "Malformed");
	}

	@Test
	void tokenWithoutRoleVerifiesButHasNoRoleForTheApplicationToRefuse() {
		Jwt jwt = this.decoder.decode(TestTokens.noRole());

		assertThat(jwt.hasClaim("role")).isFalse();
		assertThat(jwt.getSubject()).isEqualTo(TestTokens.USER_ID);
	}

	@Test
	void publicKeyPemIsTheX509FormCommonApiParses() throws Exception {
		String pem = TestKeys.publicKeyPem();

		assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
		String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		RSAPublicKey parsed = (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		assertThat(parsed).isEqualTo(TestKeys.publicKey());
		assertThat(parsed.getModulus().bitLength()).isEqualTo(2048);
	}

	@Test
	void jwkSetJsonPublishesOnlyThePublicTestKey() throws Exception {
		JWKSet set = JWKSet.parse(TestKeys.jwkSetJson());

		assertThat(set.getKeys()).hasSize(1);
		RSAKey key = (RSAKey) set.getKeyByKeyId("test-key");
		assertThat(key.isPrivate()).isFalse();
		assertThat(key.toRSAPublicKey()).isEqualTo(TestKeys.publicKey());
		assertThat(TestKeys.jwkSetJson()).doesNotContain("\"d\"");
	}

	private void assertRejected(String token, Class<? extends BadJwtException> type, String reason) {
		assertThatExceptionOfType(type).isThrownBy(() -> this.decoder.decode(token)).withMessageContaining(reason);
	}

	private static JwtDecoder decoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestKeys.publicKey())
			.signatureAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.contains(TestTokens.AUDIENCE));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(TestTokens.ISSUER), audience));
		return decoder;
	}

}
