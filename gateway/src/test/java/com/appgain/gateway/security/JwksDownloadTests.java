package com.appgain.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import com.appgain.common.api.security.ApiSecurityProperties;
import com.appgain.common.api.security.JwtDecoders;
import com.appgain.common.test.TestKeys;
import com.appgain.common.test.TestTokens;
import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's decoder against a JWKS endpoint that counts its downloads. */
class JwksDownloadTests {

	private final AtomicInteger downloads = new AtomicInteger();

	private DisposableServer users;

	private ReactiveJwtDecoder decoder;

	@BeforeEach
	void startUsersService() {
		this.users = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/api/users/.well-known/jwks.json", (request, response) -> {
				this.downloads.incrementAndGet();
				return response.header("Content-Type", "application/json").sendString(Mono.just(TestKeys.jwkSetJson()));
			}))
			.bindNow();
		ApiSecurityProperties security = new ApiSecurityProperties("appgain-users", "appgain", "RS256",
				"http://127.0.0.1:" + this.users.port() + "/api/users/.well-known/jwks.json", null, List.of());
		ApiGatewayProperties gateway = new ApiGatewayProperties(
				new ApiGatewayProperties.RateLimit(50, 100, 1, Duration.ofMillis(100)), List.of(),
				Duration.ofMinutes(1), Duration.ofSeconds(2), List.of(), Duration.ofSeconds(3), Duration.ofSeconds(10));
		this.decoder = JwtDecoders.create(security, null,
				TokenVerificationConfiguration.jwksClient(security, gateway, () -> null));
	}

	@AfterEach
	void stopUsersService() {
		this.users.disposeNow();
	}

	@Test
	void keysAreDownloadedOnceForManyTokens() {
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(this.decoder.decode(TestTokens.user(TestTokens.newUserId())))
				.expectNextCount(1)
				.verifyComplete();
		}
		assertThat(this.downloads).hasValue(1);
	}

	@Test
	void tokensNamingUnknownKeysDoNotDownloadTheKeysAgainEachTime() throws Exception {
		StepVerifier.create(this.decoder.decode(TestTokens.user(TestTokens.newUserId())))
			.expectNextCount(1)
			.verifyComplete();
		RSAKey unknown = new RSAKeyGenerator(2048).keyID("unknown-key").generate();
		for (int i = 0; i < 5; i++) {
			StepVerifier.create(this.decoder.decode(TestTokens.builder().signedWith(unknown).build()))
				.expectError()
				.verify();
		}
		assertThat(this.downloads).hasValue(1);
	}

}
