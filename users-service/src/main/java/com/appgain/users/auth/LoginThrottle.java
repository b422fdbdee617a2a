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
 * Counts login attempts per account and per client address in Redis, in a fixed window
 * that starts at the first attempt. Each attempt is counted before the password is
 * checked, in one script that refuses at the limit or else counts, so parallel attempts
 * cannot all slip past a check made before any of them failed. A successful login gives
 * its attempt back. If Redis cannot be reached, logins are not throttled (and a warning
 * is logged) rather than refused.
 */
@Component
class LoginThrottle {

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	private static final String ACCOUNT_PREFIX = "users:login-failures:account:";

	private static final String ADDRESS_PREFIX = "users:login-failures:ip:";

	// ARGV: the limit of each key, then the window in ms. Returns 0 when the attempt is
	// counted, else the milliseconds until the first key at its limit expires.
	private static final RedisScript<Long> ATTEMPT = RedisScript.of("""
			local window = tonumber(ARGV[#KEYS + 1])
			local wait = 0
			for i, key in ipairs(KEYS) do
			  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i]) then
			    local ttl = redis.call('PTTL', key)
			    if ttl < 0 then
			      redis.call('PEXPIRE', key, window)
			      ttl = window
			    end
			    wait = math.max(wait, ttl)
			  end
			end
			if wait > 0 then
			  return wait
			end
			for _, key in ipairs(KEYS) do
			  if redis.call('INCR', key) == 1 then
			    redis.call('PEXPIRE', key, window)
			  end
			end
			return 0
			""", Long.class);

	// The account's attempts are forgotten; the address gives back this one attempt.
	private static final RedisScript<Long> SUCCEEDED = RedisScript.of("""
			redis.call('DEL', KEYS[1])
			if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then
			  redis.call('DECR', KEYS[2])
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

	/**
	 * Counts an attempt and completes, or fails with a 429 carrying how long to wait.
	 */
	Mono<Void> attempt(String email, String address) {
		List<String> args = List.of(Integer.toString(this.properties.maxFailuresPerAccount()),
				Integer.toString(this.properties.maxFailuresPerIp()),
				Long.toString(this.properties.failureWindow().toMillis()));
		return this.redis.execute(ATTEMPT, keys(email, address), args)
			.next()
			.onErrorResume((ex) -> unavailable(ex, 0L))
			.filter((wait) -> wait > 0)
			.flatMap(
					(wait) -> Mono.error(ApiException.tooManyRequests("Too many failed login attempts, try again later",
							Duration.ofMillis(wait).plusSeconds(1))));
	}

	/** A successful login: the account starts afresh. */
	Mono<Void> succeeded(String email, String address) {
		return this.redis.execute(SUCCEEDED, keys(email, address), List.of())
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
