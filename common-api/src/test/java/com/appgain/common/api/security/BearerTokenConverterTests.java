package com.appgain.common.api.security;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import com.appgain.common.test.TestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/** Every header gets the answer Spring Security's own converter gives it. */
class BearerTokenConverterTests {

	private static final String TOKEN = TestTokens.user(TestTokens.newUserId());

	@ParameterizedTest
	@ValueSource(strings = { "Bearer abc", "bearer abc", "BEARER abc", "bEaReR a-b.c_d~e+f/g", "Bearer abc=",
			"Bearer abc==", "Bearer Zz09", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc ", " Bearer abc",
			"Bearer a b", "Bearer ab=c", "Bearer =", "Bearer abc\n", "Bearer abc\t", "Bearerabc", "Bearer\tabc",
			"Bearer ab%c", "Bearer abç", "Bearer abc,def", "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Token abc", "", "bear",
			"Bearer\u00a0abc" })
	void answersAsSpringSecurityDoes(String header) {
		assertThat(outcome(new BearerTokenConverter(), header))
			.isEqualTo(outcome(new ServerBearerTokenAuthenticationConverter(), header));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer ", "bearer " })
	void aRealTokenIsRead(String scheme) {
		assertThat(outcome(new BearerTokenConverter(), scheme + TOKEN)).isEqualTo("token " + TOKEN);
		assertThat(outcome(new ServerBearerTokenAuthenticationConverter(), scheme + TOKEN)).isEqualTo("token " + TOKEN);
	}

	@Test
	void noHeaderIsNoToken() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
		assertThat(new BearerTokenConverter().convert(exchange).blockOptional()).isEmpty();
	}

	/** "token X", "none" or the error's class and message. */
	private static String outcome(ServerAuthenticationConverter converter, String header) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/").header(HttpHeaders.AUTHORIZATION, header));
		try {
			Optional<Authentication> result = Mono.defer(() -> converter.convert(exchange)).blockOptional();
			return result.map((a) -> "token " + ((BearerTokenAuthenticationToken) a).getToken()).orElse("none");
		}
		catch (RuntimeException ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

}
