package com.appgain.common.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import com.appgain.common.test.TestKeys;
import com.appgain.common.test.TestTokens;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTests {

	private final AtomicInteger verifications = new AtomicInteger();

	private final ReactiveJwtDecoder rsa = NimbusReactiveJwtDecoder.withPublicKey(TestKeys.publicKey()).build();

	private final ReactiveJwtDecoder counting = (token) -> {
		this.verifications.incrementAndGet();
		return this.rsa.decode(token);
	};

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	private final TokenRevocationChecker revocation = (jwt) -> Mono.just(this.revoked.contains(jwt.getId()));

	private final VerifiedTokens tokens = new VerifiedTokens(this.counting, this.revocation, 100, Clock.systemUTC());

	@Test
	void aTokenIsVerifiedOnceForManyRequests() {
		String token = TestTokens.user(TestTokens.newUserId());
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(this.tokens.decode(token)).expectNextCount(1).verifyComplete();
		}
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void aRevokedTokenIsRefusedEvenAfterItWasVerified() {
		String token = TestTokens.builder().jwtId("revoked-later").build();
		StepVerifier.create(this.tokens.decode(token)).expectNextCount(1).verifyComplete();

		this.revoked.add("revoked-later");

		StepVerifier.create(this.tokens.decode(token)).expectError(BadJwtException.class).verify();
	}

	@Test
	void aBadTokenIsRefusedEveryTimeAndNotKept() {
		String token = TestTokens.wrongKey();
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(this.tokens.decode(token)).expectError(BadJwtException.class).verify();
		}
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenIsKeptUntilItExpiresButNoLongerThanTheJwksCache() {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		assertThat(VerifiedTokens.lifetime(jwtExpiringAt(now.plusSeconds(30)), now)).isEqualTo(Duration.ofSeconds(30));
		assertThat(VerifiedTokens.lifetime(jwtExpiringAt(now.plus(Duration.ofHours(1))), now))
			.isEqualTo(VerifiedTokens.MAX_AGE);
		assertThat(VerifiedTokens.lifetime(jwtExpiringAt(now.minusSeconds(1)), now)).isZero();
	}

	private static Jwt jwtExpiringAt(Instant expiresAt) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("someone")
			.issuedAt(expiresAt.minusSeconds(60))
			.expiresAt(expiresAt)
			.build();
	}

}
