package com.appgain.users.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Argon2id cost of password hashes (OWASP's minimum by default) and how many hashes may
 * be computed at once.
 *
 * @param memoryKib memory per hash, in KiB
 * @param iterations passes over that memory
 * @param parallelism lanes per hash
 * @param threads hashes computed at once (0: one per CPU core)
 * @param queueSize hashes waiting beyond those; more is a 503
 */
@ConfigurationProperties("appgain.users.password")
public record PasswordProperties(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
		@DefaultValue("1") int parallelism, @DefaultValue("0") int threads, @DefaultValue("1000") int queueSize) {

}
