package com.appgain.common.api.security;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Says whether a signature-valid token has been revoked (logout, disabled account).
 * Define a bean of this type to have every verified token checked.
 */
@FunctionalInterface
public interface TokenRevocationChecker {

	Mono<Boolean> isRevoked(Jwt jwt);

}
