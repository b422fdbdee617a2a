package com.appgain.common.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Verifies each token's signature and claims once and keeps the result until the token
 * expires, but never longer than {@link #MAX_AGE}, the lifetime of the JWKS cache: a key
 * withdrawn from the JWKS stops being trusted as soon as it would without this cache.
 * Revocation is still checked on every request. Failures are not kept.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private final ReactiveJwtDecoder verifier;

	private final TokenRevocationChecker revocation;

	private final Cache<String, Jwt> verified;

	/**
	 * @param verifier checks signature and claims
	 * @param revocation asked on every request, {@code null} for none
	 * @param maximumSize most tokens kept
	 * @param clock to compare with the tokens' expiry
	 */
	public VerifiedTokens(ReactiveJwtDecoder verifier, TokenRevocationChecker revocation, long maximumSize,
			Clock clock) {
		this.verifier = verifier;
		this.revocation = revocation;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, clock.instant())))
			// maintenance on the caller's thread: no hop to the common pool per request
			.executor(Runnable::run)
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		// Not a loading cache: a failed load would be logged by the cache, with its stack
		// trace, for every bad token anyone sends. Two first requests with one token may
		// both verify it.
		Mono<Jwt> jwt = Mono.defer(() -> {
			Jwt known = this.verified.getIfPresent(token);
			return (known != null) ? Mono.just(known)
					: this.verifier.decode(token).doOnNext((verified) -> this.verified.put(token, verified));
		});
		return (this.revocation != null) ? jwt.flatMap(this::unlessRevoked) : jwt;
	}

	private Mono<Jwt> unlessRevoked(Jwt jwt) {
		return this.revocation.isRevoked(jwt)
			.flatMap((revoked) -> revoked ? Mono.error(new BadJwtException("Token revoked")) : Mono.just(jwt));
	}

	static Duration lifetime(Jwt jwt, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null || !expiresAt.isAfter(now)) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(now, expiresAt);
		return (left.compareTo(MAX_AGE) < 0) ? left : MAX_AGE;
	}

}
