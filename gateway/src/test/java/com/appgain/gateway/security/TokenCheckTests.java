package com.appgain.gateway.security;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import com.appgain.common.api.security.TokenDenylist;
import com.appgain.common.test.TestTokens;
import com.appgain.gateway.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCheckTests extends GatewayTestSupport {

	@Autowired
	private TokenDenylist denylist;

	static Stream<Arguments> brokenTokens() {
		return TestTokens.brokenKinds().entrySet().stream().map((kind) -> Arguments.of(kind.getKey(), kind.getValue()));
	}

	@ParameterizedTest(name = "{0} token is refused before routing")
	@MethodSource("brokenTokens")
	void brokenTokenIsRefusedBeforeRouting(String kind, Supplier<String> token) {
		String requestId = newRequestId();
		expectEnvelope(this.client.get()
			.uri("/api/users/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get())
			.header("X-Request-Id", requestId)
			.exchange(), 401, "unauthorized");
		assertThat(upstream.calls(requestId)).isZero();
	}

	@ParameterizedTest(name = "{0} token is refused on a public route too")
	@MethodSource("brokenTokens")
	void brokenTokenIsRefusedOnAPublicRouteToo(String kind, Supplier<String> token) {
		expectEnvelope(this.client.get()
			.uri("/api/examples")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get())
			.exchange(), 401, "unauthorized");
	}

	@Test
	void missingTokenOnAProtectedRouteIsUnauthorized() {
		String requestId = newRequestId();
		expectEnvelope(this.client.get().uri("/api/users/me").header("X-Request-Id", requestId).exchange(), 401,
				"unauthorized");
		assertThat(upstream.calls(requestId)).isZero();
	}

	@Test
	void publicRouteNeedsNoToken() {
		this.client.post().uri("/api/users/auth/login").bodyValue("{}").exchange().expectStatus().isOk();
		this.client.get().uri("/api/examples/65a1f0c2b3d4e5f607182930").exchange().expectStatus().isOk();
	}

	@Test
	void aServiceCannotOpenPathsOfAnotherService() {
		expectEnvelope(this.client.post().uri("/api/examples/sneaky").bodyValue("{}").exchange(), 401, "unauthorized");
	}

	@Test
	void pathsNoServiceDeclaredNeedAToken() {
		expectEnvelope(this.client.get().uri("/api/users/auth/login").exchange(), 401, "unauthorized");
	}

	@Test
	void publicPathIsPublicForItsMethodOnly() {
		expectEnvelope(this.client.delete().uri("/api/examples/65a1f0c2b3d4e5f607182930").exchange(), 401,
				"unauthorized");
	}

	@Test
	void revokedTokenIsUnauthorized() {
		String jti = UUID.randomUUID().toString();
		String token = TestTokens.builder().subject(TestTokens.newUserId()).jwtId(jti).build();
		this.client.get()
			.uri("/api/users/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk();
		StepVerifier.create(this.denylist.revoke(jti, Instant.now().plus(TestTokens.LIFETIME))).verifyComplete();
		expectEnvelope(
				this.client.get().uri("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange(),
				401, "unauthorized");
	}

}
