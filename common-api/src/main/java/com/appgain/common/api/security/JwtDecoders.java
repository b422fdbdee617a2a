package com.appgain.common.api.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;

import com.appgain.common.api.error.ApiException;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the token decoder: one pinned algorithm, keys from a JWKS URI (cached by Nimbus)
 * or a configured public key, and {@code iss}, {@code aud}, {@code exp} checked; each
 * token's signature once in its lifetime ({@link VerifiedTokens}), its revocation on
 * every request. A JWKS URI through the registry ({@code lb://}) is refused unless
 * explicitly allowed.
 */
public final class JwtDecoders {

	// ~3 KiB each (token and claims): at most ~12 MiB of heap
	private static final long VERIFIED_TOKENS = 4096;

	private JwtDecoders() {
	}

	public static ReactiveJwtDecoder create(ApiSecurityProperties properties, TokenRevocationChecker revocation,
			WebClient.Builder webClient) {
		SignatureAlgorithm algorithm = SignatureAlgorithm.from(properties.algorithm());
		if (algorithm == null) {
			throw new IllegalStateException("Unsupported JWT algorithm " + properties.algorithm());
		}
		NimbusReactiveJwtDecoder decoder;
		if (properties.publicKey() != null && !properties.publicKey().isBlank()) {
			decoder = NimbusReactiveJwtDecoder.withPublicKey(parseRsaKey(properties.publicKey()))
				.signatureAlgorithm(algorithm)
				.build();
		}
		else if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
			refuseDiscoveredTrustAnchor(properties);
			decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().replaceFirst("^lb://", "http://"))
				.jwsAlgorithm(algorithm)
				.webClient(webClient.build())
				.build();
		}
		else {
			throw new IllegalStateException(
					"Set appgain.security.jwk-set-uri (JWT_JWKS_URI) or appgain.security.public-key (JWT_PUBLIC_KEY)");
		}
		decoder.setJwtValidator(validator(properties));
		return new VerifiedTokens(unavailableKeysAnswer503(decoder), revocation, VERIFIED_TOKENS, Clock.systemUTC());
	}

	/**
	 * A token that cannot be checked because the key set cannot be downloaded (its issuer
	 * unreachable) is not a bad token: the caller gets the 503 envelope, not a 401 or a
	 * 500. Spring Security reports every bad token as a {@link JwtException}; the
	 * download's failure arrives as anything else ("Could not obtain the keys").
	 */
	private static ReactiveJwtDecoder unavailableKeysAnswer503(ReactiveJwtDecoder decoder) {
		return (token) -> decoder.decode(token)
			.onErrorMap((ex) -> !(ex instanceof JwtException) && !(ex instanceof ApiException),
					(ex) -> ApiException.serviceUnavailable(
							"The keys that tokens are checked with cannot be" + " obtained now, try again shortly"));
	}

	private static void refuseDiscoveredTrustAnchor(ApiSecurityProperties properties) {
		if (properties.jwkSetUri().startsWith("lb://") && !properties.jwksViaDiscovery()) {
			throw new IllegalStateException("JWT_JWKS_URI (appgain.security.jwk-set-uri) is " + properties.jwkSetUri()
					+ ": an lb:// URI takes the keys every token is checked with from whoever registered in the"
					+ " registry. Set a fixed URL, or JWT_JWKS_VIA_DISCOVERY=true to accept that.");
		}
	}

	static OAuth2TokenValidator<Jwt> validator(ApiSecurityProperties properties) {
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<java.util.List<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.contains(properties.audience()));
		OAuth2TokenValidator<Jwt> expiry = new JwtClaimValidator<Object>(JwtClaimNames.EXP, (exp) -> exp != null);
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()),
				audience, expiry);
	}

	private static RSAPublicKey parseRsaKey(String pem) {
		String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		try {
			byte[] der = Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
			return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (Exception ex) {
			throw new IllegalStateException("appgain.security.public-key is not a PEM RSA public key", ex);
		}
	}

}
