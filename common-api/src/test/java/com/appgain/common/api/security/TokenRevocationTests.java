package com.appgain.common.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
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

	@Autowired(required = false)
	private RevocationCopy copy;

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
	void revokingASessionVoidsEveryTokenOfItButNotOfOtherSessions() {
		String userId = TestTokens.newUserId();
		String session = UUID.randomUUID().toString();
		String early = TestTokens.builder().subject(userId).claim("sid", session).build();
		this.denylist.revokeSessions(List.of(session)).block();
		String late = TestTokens.builder()
			.subject(userId)
			.claim("sid", session)
			.issuedAt(Instant.now().plusSeconds(2))
			.build();
		expectEnvelope(me(early), 401, "unauthorized", "Invalid or expired token");
		expectEnvelope(me(late), 401, "unauthorized", "Invalid or expired token");
		me(TestTokens.builder().subject(userId).claim("sid", UUID.randomUUID().toString()).build()).expectStatus()
			.isOk();
	}

	@Test
	void redisDownLetsSignatureValidTokensThroughAndCountsIt() {
		double skippedBefore = skipped();
		RedisFixture.stop();
		try {
			// the local copy notices the lost connection and stops answering alone
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.copy == null || !this.copy.isLive());
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
		return this.client.get().uri("/api/items/me").header("Authorization", TestTokens.bearer(token)).exchange();
	}

}
