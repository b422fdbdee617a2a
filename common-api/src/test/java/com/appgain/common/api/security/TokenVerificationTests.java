package com.appgain.common.api.security;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.appgain.common.api.ApiTestSupport;
import com.appgain.common.test.TestTokens;

class TokenVerificationTests extends ApiTestSupport {

	private static final String USER_ID = "5f1d7f3e2b8c4a0012345678";

	static Stream<Arguments> brokenTokens() {
		return TestTokens.brokenKinds().entrySet().stream().map((kind) -> Arguments.of(kind.getKey(), kind.getValue()));
	}

	@ParameterizedTest(name = "{0} token is unauthorized")
	@MethodSource("brokenTokens")
	void brokenTokenIsUnauthorized(String kind, Supplier<String> token) {
		expectEnvelope(this.client.get()
			.uri("/api/items/me")
			.header("Authorization", TestTokens.bearer(token.get()))
			.exchange(), 401, "unauthorized", "Invalid or expired token");
	}

	@ParameterizedTest(name = "{0} token is unauthorized even on a public route")
	@MethodSource("brokenTokens")
	void brokenTokenIsUnauthorizedOnPublicRoutesToo(String kind, Supplier<String> token) {
		expectEnvelope(this.client.get()
			.uri("/api/items/public")
			.header("Authorization", TestTokens.bearer(token.get()))
			.exchange(), 401, "unauthorized", "Invalid or expired token");
	}

	@Test
	void missingTokenOnAProtectedRouteIsUnauthorized() {
		expectEnvelope(this.client.get().uri("/api/items/me").exchange(), 401, "unauthorized",
				"Authentication required");
	}

	@Test
	void validTokenGivesTheHandlerTheTypedPrincipal() {
		this.client.get()
			.uri("/api/items/me")
			.header("Authorization", TestTokens.bearer(TestTokens.user(USER_ID)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.user.id")
			.isEqualTo(USER_ID)
			.jsonPath("$.user.role")
			.isEqualTo("user")
			.jsonPath("$.status")
			.isEqualTo("success");
	}

	@Test
	void identityHeadersFromTheClientAreIgnored() {
		expectEnvelope(this.client.get()
			.uri("/api/items/me")
			.header("X-User-Id", USER_ID)
			.header("X-User-Role", "admin")
			.exchange(), 401, "unauthorized", "Authentication required");
	}

	@Test
	void userCallingAnAdminEndpointIsForbidden() {
		expectEnvelope(this.client.get()
			.uri("/api/items/admin")
			.header("Authorization", TestTokens.bearer(TestTokens.user(USER_ID)))
			.exchange(), 403, "forbidden", "This action requires the admin role");
	}

	@Test
	void adminCallingAnAdminEndpointIsAllowed() {
		this.client.get()
			.uri("/api/items/admin")
			.header("Authorization", TestTokens.bearer(TestTokens.admin(USER_ID)))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
