package com.appgain.common.api.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JwksTrustAnchorTests {

	private static final String VIA_REGISTRY = "lb://users/api/users/.well-known/jwks.json";

	@Test
	void keysAreNotTakenFromTheRegistryUnlessAllowed() {
		ApiSecurityProperties properties = new ApiSecurityProperties("appgain-users", "appgain", "RS256", VIA_REGISTRY,
				null, List.of());
		assertThatIllegalStateException().isThrownBy(() -> JwtDecoders.create(properties, null, WebClient.builder()))
			.withMessageContaining("JWT_JWKS_VIA_DISCOVERY");
	}

	@Test
	void keysFromTheRegistryAreAcceptedWhenAllowed() {
		ApiSecurityProperties properties = new ApiSecurityProperties("appgain-users", "appgain", "RS256", VIA_REGISTRY,
				null, List.of(), true);
		assertThat(JwtDecoders.create(properties, null, WebClient.builder())).isNotNull();
	}

	@Test
	void aFixedUrlIsTheDefaultTrustAnchor() {
		ApiSecurityProperties properties = new ApiSecurityProperties("appgain-users", "appgain", "RS256",
				"http://127.0.0.1:8081/api/users/.well-known/jwks.json", null, List.of());
		assertThat(JwtDecoders.create(properties, null, WebClient.builder())).isNotNull();
	}

}
