package com.appgain.common.api.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;
import com.appgain.common.test.TestTokens;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token that cannot be checked because the issuer's key set cannot be downloaded is not
 * a bad token: 503, not 401 (nor 500).
 */
class UnreachableKeysTests {

	@Test
	void aTokenCheckedWhileTheKeySetIsUnreachableIsServiceUnavailable() throws IOException {
		StepVerifier.create(decoderWithKeysAt(deadUrl()).decode(TestTokens.user(TestTokens.USER_ID)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ApiException.class,
					(api) -> assertThat(api.type()).isEqualTo(ErrorType.SERVICE_UNAVAILABLE)))
			.verify();
	}

	@Test
	void aMalformedTokenIsStillABadToken() throws IOException {
		StepVerifier.create(decoderWithKeysAt(deadUrl()).decode("not.a.token"))
			.expectError(BadJwtException.class)
			.verify();
	}

	private static ReactiveJwtDecoder decoderWithKeysAt(String url) {
		ApiSecurityProperties properties = new ApiSecurityProperties(TestTokens.ISSUER, TestTokens.AUDIENCE, "RS256",
				url, null, List.of());
		return JwtDecoders.create(properties, null, WebClient.builder());
	}

	private static String deadUrl() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort() + "/api/users/.well-known/jwks.json";
		}
	}

}
