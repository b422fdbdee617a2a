package com.appgain.common.api.security;

import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import com.appgain.common.api.ApiTestSupport;
import com.appgain.common.test.RedisFixture;
import com.appgain.common.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRevocationTests extends ApiTestSupport {

	@Autowired
	private TokenDenylist denylist;

	@Autowired
	private MeterRegistry meters;

	@Test
	void revokedTokenIsUnauthorizedWhileOthersStillWork() {
		String userId = TestTokens.newUserId();
		String jti = UUID.randomUUID().toString();
		Instant expiresAt = Instant.now().plusSeconds(600);
		String revoked = TestTokens.builder().subject(userId).jwtId(jti).expiresAt(expiresAt).build();
		this.denylist.revoke(jti, expiresAt).block();
		expectEnvelope(me(revoked), 401, "unauthorized", "Invalid or expired token");
		me(TestTokens.user(userId)).expectStatus().isOk();
	}

	@Test
	void revokingAllOfAUserVoidsTokensIssuedBeforeButNotAfter() {
		String userId = TestTokens.newUserId();
		String before = TestTokens.builder().subject(userId).issuedAt(Instant.now().minusSeconds(5)).build();
		this.denylist.revokeAllOf(userId).block();
		String after = TestTokens.builder().subject(userId).issuedAt(Instant.now().plusSeconds(2)).build();
		expectEnvelope(me(before), 401, "unauthorized", "Invalid or expired token");
		me(after).expectStatus().isOk();
	}

	@Test
	void redisDownLetsSignatureValidTokensThroughAndCountsIt() {
		double skippedBefore = skipped();
		RedisFixture.stop();
		try {
			me(TestTokens.user(TestTokens.newUserId())).expectStatus().isOk();
		}
		finally {
			RedisFixture.start();
		}
		assertThat(skipped()).isGreaterThan(skippedBefore);
	}

	private double skipped() {
		return this.meters.counter("appgain.auth.revocation.unavailable").count();
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec me(String token) {
		return this.client.get().uri("/api/items/me").header("Authorization", bearer(token)).exchange();
	}

}
