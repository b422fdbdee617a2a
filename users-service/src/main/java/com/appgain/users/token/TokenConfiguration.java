package com.appgain.users.token;

import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import com.appgain.common.api.security.ApiSecurityProperties;
import com.appgain.common.api.security.JwtDecoders;
import com.appgain.common.api.security.TokenRevocationChecker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Signs tokens with the signing key and verifies them with this service's own key set,
 * using common-api's claim checks and revocation denylist.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	SigningKeys signingKeys(JwtProperties properties) {
		return new SigningKeyLoader(properties).load();
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signingKey())));
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(SigningKeys keys, ApiSecurityProperties security,
			ObjectProvider<TokenRevocationChecker> revocation) {
		Map<String, ReactiveJwtDecoder> decoders = new LinkedHashMap<>();
		for (RSAKey key : keys.verificationKeys()) {
			decoders.put(key.getKeyID(), decoder(key, security, revocation.getIfAvailable()));
		}
		return new KeySetJwtDecoder(decoders, decoders.get(keys.signingKey().getKeyID()));
	}

	private static ReactiveJwtDecoder decoder(RSAKey key, ApiSecurityProperties security,
			TokenRevocationChecker revocation) {
		try {
			ApiSecurityProperties withKey = new ApiSecurityProperties(security.issuer(), security.audience(),
					security.algorithm(), null, Pem.encodePublicKey(key.toRSAPublicKey()), security.publicPaths());
			return JwtDecoders.create(withKey, revocation, WebClient.builder());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("JWT key '" + key.getKeyID() + "' is not an RSA public key", ex);
		}
	}

}
