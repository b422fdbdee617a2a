package com.appgain.users.auth;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.redis.RedisAvailability;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in Redis, in a fixed window
 * that starts at the first failure; once either count reaches its limit, further attempts
 * are refused until the window ends. Each step is one script, so one round trip. If Redis
 * cannot be reached, logins are not throttled (and a warning is logged) rather than
 * refused.
 */
@Component
class LoginThrottle {

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	private static final String ACCOUNT_PREFIX = "users:login-failures:account:";

	private static final String ADDRESS_PREFIX = "users:login-failures:ip:";

	// Milliseconds until the first key at its limit (ARGV[i]) expires; 0 when none is.
	private static final RedisScript<Long> WAIT = RedisScript.of("""
			local wait = 0
			for i, key in ipairs(KEYS) do
			  local count = tonumber(redis.call('GET', key) or '0')
			  if count >= tonumber(ARGV[i]) then
			    wait = math.max(wait, redis.call('PTTL', key))
			  end
			end
			return wait
			""", Long.class);

	// Counts one failure on every key; the window starts with a key's first failure.
	private static final RedisScript<Long> RECORD = RedisScript.of("""
			for _, key in ipairs(KEYS) do
			  if redis.call('INCR', key) == 1 then
			    redis.call('PEXPIRE', key, ARGV[1])
			  end
			end
			return 0
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final AuthProperties properties;

	private final RedisAvailability availability;

	LoginThrottle(ReactiveStringRedisTemplate redis, AuthProperties properties, RedisAvailability availability) {
		this.redis = availability.protectScripts("login-throttle", redis);
		this.availability = availability;
		this.properties = properties;
	}

	/** Completes, or fails with a 429 carrying how long to wait. */
	Mono<Void> check(String email, String address) {
		List<String> limits = List.of(Integer.toString(this.properties.maxFailuresPerAccount()),
				Integer.toString(this.properties.maxFailuresPerIp()));
		return this.redis.execute(WAIT, keys(email, address), limits)
			.next()
			.onErrorResume((ex) -> unavailable(ex, 0L))
			.filter((wait) -> wait > 0)
			.flatMap(
					(wait) -> Mono.error(ApiException.tooManyRequests("Too many failed login attempts, try again later",
							Duration.ofMillis(wait).plusSeconds(1))));
	}

	Mono<Void> recordFailure(String email, String address) {
		return this.redis
			.execute(RECORD, keys(email, address), List.of(Long.toString(this.properties.failureWindow().toMillis())))
			.then()
			.onErrorResume((ex) -> unavailable(ex, null));
	}

	/** A successful login forgets the account's failures, not the address's. */
	Mono<Void> reset(String email) {
		return this.availability.protect("login-throttle", this.redis.delete(ACCOUNT_PREFIX + email))
			.then()
			.onErrorResume((ex) -> unavailable(ex, null));
	}

	private static List<String> keys(String email, String address) {
		return List.of(ACCOUNT_PREFIX + email, ADDRESS_PREFIX + address);
	}

	private static <T> Mono<T> unavailable(Throwable ex, T fallback) {
		logger.warn("Login throttling skipped, Redis unavailable: " + ex.getMessage());
		return Mono.justOrEmpty(fallback);
	}

}
