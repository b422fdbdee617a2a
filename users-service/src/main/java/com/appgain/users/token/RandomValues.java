package com.appgain.users.token;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * Unpredictable values for tokens and token ids, drawn on event-loop threads. The default
 * {@code SecureRandom} (NativePRNG) reads {@code /dev/urandom} as it goes, a blocking
 * call there; a DRBG is seeded once, here at start-up, and then only computes.
 */
@Component
class RandomValues {

	private final SecureRandom random;

	RandomValues() {
		try {
			this.random = SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("No DRBG SecureRandom in this JVM", ex);
		}
		this.random.nextBytes(new byte[1]);
	}

	/** {@code length} random bytes, base64url without padding. */
	String next(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
