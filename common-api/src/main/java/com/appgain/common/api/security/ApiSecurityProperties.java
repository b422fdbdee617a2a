package com.appgain.common.api.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are verified.
 *
 * @param issuer the required {@code iss} claim
 * @param audience the required {@code aud} value
 * @param algorithm the only accepted JWS algorithm (RS256 or ES256)
 * @param jwkSetUri where the issuer publishes its public keys (JWKS)
 * @param publicKey a PEM public key, used instead of the JWKS URI when set
 * @param publicPaths requests that need no token, as {@code "/path/**"} or
 * {@code "POST /path"}
 */
@ConfigurationProperties("appgain.security")
public record ApiSecurityProperties(@DefaultValue("appgain-users") String issuer,
		@DefaultValue("appgain") String audience, @DefaultValue("RS256") String algorithm, String jwkSetUri,
		String publicKey, @DefaultValue List<String> publicPaths) {

}
