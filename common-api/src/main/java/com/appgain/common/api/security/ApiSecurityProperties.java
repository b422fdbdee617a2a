package com.appgain.common.api.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are verified.
 *
 * @param issuer the required {@code iss} claim
 * @param audience the required {@code aud} value
 * @param algorithm the only accepted JWS algorithm (RS256 or ES256)
 * @param jwkSetUri where the issuer publishes its public keys (JWKS): the trust anchor of
 * every token, so a fixed URL
 * @param publicKey a PEM public key, used instead of the JWKS URI when set
 * @param publicPaths requests that need no token, as {@code "/path/**"} or
 * {@code "POST /path"}
 * @param jwksViaDiscovery whether an {@code lb://} JWKS URI may be resolved through the
 * registry; off by default, since whoever can register in the registry then chooses the
 * keys tokens are checked with
 */
@ConfigurationProperties("appgain.security")
public record ApiSecurityProperties(@DefaultValue("appgain-users") String issuer,
		@DefaultValue("appgain") String audience, @DefaultValue("RS256") String algorithm, String jwkSetUri,
		String publicKey, @DefaultValue List<String> publicPaths, @DefaultValue("false") boolean jwksViaDiscovery) {

	@ConstructorBinding
	public ApiSecurityProperties {
	}

	public ApiSecurityProperties(String issuer, String audience, String algorithm, String jwkSetUri, String publicKey,
			List<String> publicPaths) {
		this(issuer, audience, algorithm, jwkSetUri, publicKey, publicPaths, false);
	}

}
