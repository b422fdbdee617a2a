package com.appgain.common.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.redis.RedisAvailability;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Revoked tokens in Redis, shared by users-service (which writes) and the gateway and
 * every service (which read): a revoked {@code jti} until the token expires, and per user
 * the instant before which every token is void (logout everywhere, disabled account). One
 * MGET per check. When Redis cannot be reached the check passes (the signature and expiry
 * were verified already) and the miss is counted.
 */
public class TokenDenylist implements TokenRevocationChecker {

	private static final Log logger = LogFactory.getLog(TokenDenylist.class);

	static final String JTI_PREFIX = "auth:revoked:jti:";

	static final String USER_PREFIX = "auth:revoked:user:";

	private final ReactiveStringRedisTemplate redis;

	private final Duration userRevocationTtl;

	private final RedisAvailability availability;

	private final Counter unavailable;

	// log the transitions of an outage, not every skipped request
	private final AtomicBoolean skipping = new AtomicBoolean();

	public TokenDenylist(ReactiveStringRedisTemplate redis, RedisAvailability availability, Duration userRevocationTtl,
			MeterRegistry meters) {
		this.redis = redis;
		this.availability = availability;
		this.userRevocationTtl = userRevocationTtl;
		this.unavailable = Counter.builder("appgain.auth.revocation.unavailable")
			.description("Token revocation checks skipped because Redis was unreachable")
			.register(meters);
	}

	@Override
	public Mono<Boolean> isRevoked(Jwt jwt) {
		if (!this.availability.isConnected()) {
			return skipped(new IllegalStateException("no Redis connection"));
		}
		String jti = (jwt.getId() != null) ? jwt.getId() : "";
		return this.availability
			.protect("revocation",
					this.redis.opsForValue().multiGet(List.of(JTI_PREFIX + jti, USER_PREFIX + jwt.getSubject())))
			.map((values) -> values.get(0) != null || issuedBefore(jwt, values.get(1)))
			.doOnNext((revoked) -> {
				if (this.skipping.compareAndSet(true, false)) {
					logger.info("Token revocation checks resumed");
				}
			})
			.onErrorResume(Exception.class, this::skipped);
	}

	private Mono<Boolean> skipped(Exception ex) {
		this.unavailable.increment();
		if (this.skipping.compareAndSet(false, true)) {
			logger.warn("Token revocation checks skipped until Redis answers again: " + ex.getMessage());
		}
		return Mono.just(false);
	}

	/** Revokes one token until it would have expired anyway. */
	public Mono<Void> revoke(String jti, Instant expiresAt) {
		Duration ttl = Duration.between(Instant.now(), expiresAt);
		if (ttl.isNegative() || ttl.isZero()) {
			return Mono.empty();
		}
		return this.redis.opsForValue().set(JTI_PREFIX + jti, "1", ttl).then();
	}

	/** Voids every token of the user issued up to now. */
	public Mono<Void> revokeAllOf(String userId) {
		return this.redis.opsForValue()
			.set(USER_PREFIX + userId, Long.toString(Instant.now().getEpochSecond()), this.userRevocationTtl)
			.then();
	}

	private static boolean issuedBefore(Jwt jwt, String revokedAtEpochSecond) {
		if (revokedAtEpochSecond == null) {
			return false;
		}
		Instant issuedAt = jwt.getIssuedAt();
		return issuedAt == null || issuedAt.getEpochSecond() <= Long.parseLong(revokedAtEpochSecond);
	}

}
