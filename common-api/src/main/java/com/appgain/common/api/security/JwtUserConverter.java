package com.appgain.common.api.security;

import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified token into a {@link UserAuthentication}; a token without a usable
 * subject or role is invalid.
 */
public class JwtUserConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		return Mono.fromCallable(() -> new UserAuthentication(jwt, toUser(jwt)));
	}

	static AuthenticatedUser toUser(Jwt jwt) {
		String subject = jwt.getSubject();
		String role = jwt.getClaimAsString("role");
		if (subject == null || subject.isBlank() || role == null) {
			throw new InvalidBearerTokenException("Token has no subject or role");
		}
		try {
			return new AuthenticatedUser(subject, Role.fromValue(role), jwt.getId());
		}
		catch (RuntimeException ex) {
			throw new InvalidBearerTokenException("Token has an unknown role");
		}
	}

}
