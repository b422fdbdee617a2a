package com.appgain.users.token;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Verifies a token with the key its {@code kid} names, among this service's own keys, so
 * users-service never fetches its own JWKS over HTTP. A token with no or an unknown kid
 * goes to the signing key's decoder, which refuses it with the usual error.
 */
final class KeySetJwtDecoder implements ReactiveJwtDecoder {

	private final Map<String, ReactiveJwtDecoder> decoders;

	private final ReactiveJwtDecoder signingKeyDecoder;

	KeySetJwtDecoder(Map<String, ReactiveJwtDecoder> decoders, ReactiveJwtDecoder signingKeyDecoder) {
		this.decoders = Map.copyOf(decoders);
		this.signingKeyDecoder = signingKeyDecoder;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		return Mono.defer(() -> decoderFor(token).decode(token));
	}

	private ReactiveJwtDecoder decoderFor(String token) {
		String keyId = keyIdOf(token);
		return (keyId != null) ? this.decoders.getOrDefault(keyId, this.signingKeyDecoder) : this.signingKeyDecoder;
	}

	private static String keyIdOf(String token) {
		try {
			JWT jwt = JWTParser.parse(token);
			return (jwt.getHeader() instanceof JWSHeader header) ? header.getKeyID() : null;
		}
		catch (ParseException ex) {
			return null;
		}
	}

}
