package com.appgain.common.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.appgain.common.api.redis.RedisAvailability;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Revoked tokens in Redis, shared by users-service (which writes) and the gateway and
 * every service (which read): a revoked {@code jti} until the token expires, revoked
 * sessions (the {@code sid} claim: every access token of a logged-out, reused or
 * otherwise ended refresh-token family), and per user the instant before which every
 * token is void (disabled or demoted account). One MGET per check. When Redis cannot be
 * reached the check passes (the signature and expiry were verified already) and the miss
 * is counted.
 */
public class TokenDenylist implements TokenRevocationChecker {

	private static final Log logger = LogFactory.getLog(TokenDenylist.class);

	private static final String CLIENT = "revocation";

	static final String PREFIX = "auth:revoked:";

	static final String JTI_PREFIX = PREFIX + "jti:";

	static final String USER_PREFIX = PREFIX + "user:";

	static final String SESSION_PREFIX = PREFIX + "sid:";

	/** The claim naming the session (refresh-token family) an access token belongs to. */
	public static final String SESSION_CLAIM = "sid";

	private final ReactiveStringRedisTemplate redis;

	private final Duration userRevocationTtl;

	private final RedisAvailability availability;

	private final Counter unavailable;

	private final RevocationCopy copy;

	// log the transitions of an outage, not every skipped request
	private final AtomicBoolean skipping = new AtomicBoolean();

	public TokenDenylist(ReactiveStringRedisTemplate redis, RedisAvailability availability, Duration userRevocationTtl,
			MeterRegistry meters) {
		this(redis, availability, userRevocationTtl, meters, null);
	}

	/**
	 * With {@code copy}, checks are answered from this process's copy of the denylist
	 * while it is live, and every revocation is published to the other processes' copies.
	 */
	public TokenDenylist(ReactiveStringRedisTemplate redis, RedisAvailability availability, Duration userRevocationTtl,
			MeterRegistry meters, RevocationCopy copy) {
		this.redis = redis;
		this.copy = copy;
		this.availability = availability;
		if (copy != null) {
			copy.whenPaused(() -> availability.suspend(CLIENT));
		}
		this.userRevocationTtl = userRevocationTtl;
		this.unavailable = Counter.builder("appgain.auth.revocation.unavailable")
			.description("Token revocation checks skipped because Redis was unreachable")
			.register(meters);
	}

	@Override
	public Mono<Boolean> isRevoked(Jwt jwt) {
		if (this.copy != null && this.copy.isLive()) {
			return Mono.just(revoked(jwt, keysOf(jwt).stream().map(this.copy::get).toList()));
		}
		if (!this.availability.isConnected()) {
			return skipped(new IllegalStateException("no Redis connection"));
		}
		return this.availability.protect(CLIENT, this.redis.opsForValue().multiGet(keysOf(jwt)))
			.map((values) -> revoked(jwt, values))
			.doOnNext((revoked) -> {
				if (this.skipping.compareAndSet(true, false)) {
					logger.info("Token revocation checks resumed");
				}
			})
			.onErrorResume(Exception.class, this::skipped);
	}

	// the values of keysOf(jwt), in order, null where absent
	private static boolean revoked(Jwt jwt, List<String> values) {
		return values.get(0) != null || issuedBefore(jwt, values.get(1))
				|| (values.size() > 2 && values.get(2) != null);
	}

	private static List<String> keysOf(Jwt jwt) {
		String jti = JTI_PREFIX + ((jwt.getId() != null) ? jwt.getId() : "");
		String sessionId = jwt.getClaimAsString(SESSION_CLAIM);
		return (sessionId != null) ? List.of(jti, USER_PREFIX + jwt.getSubject(), SESSION_PREFIX + sessionId)
				: List.of(jti, USER_PREFIX + jwt.getSubject());
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
		return set(JTI_PREFIX + jti, "1", ttl);
	}

	/**
	 * Voids every access token of these sessions, issued or still to be issued, for as
	 * long as any of them can live.
	 */
	public Mono<Void> revokeSessions(Collection<String> sessionIds) {
		String now = Long.toString(Instant.now().getEpochSecond());
		return Flux.fromIterable(sessionIds)
			.flatMap((sessionId) -> set(SESSION_PREFIX + sessionId, now, this.userRevocationTtl))
			.then();
	}

	/** Voids every token of the user issued up to now. */
	public Mono<Void> revokeAllOf(String userId) {
		return set(USER_PREFIX + userId, Long.toString(Instant.now().getEpochSecond()), this.userRevocationTtl);
	}

	// stored for the processes without a live copy, published for those with one
	private Mono<Void> set(String key, String value, Duration ttl) {
		return this.redis.opsForValue()
			.set(key, value, ttl)
			.then(this.redis.convertAndSend(RevocationCopy.CHANNEL, RevocationCopy.message(key, value, ttl)))
			.doOnSuccess((receivers) -> {
				if (this.copy != null) {
					this.copy.put(key, value, ttl);
				}
			})
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
