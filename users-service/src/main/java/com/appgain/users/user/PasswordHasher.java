package com.appgain.users.user;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import com.appgain.common.api.error.ApiException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id hashing, on a few dedicated threads: each hash costs tens of milliseconds of
 * CPU and must never run on an event-loop thread, nor flood the machine.
 */
@Component
public class PasswordHasher implements DisposableBean {

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private final PasswordEncoder encoder;

	private final Scheduler scheduler;

	// Checked against when the account does not exist, so that answer takes as long.
	private final String dummyHash;

	PasswordHasher(PasswordProperties properties) {
		int threads = (properties.threads() > 0) ? properties.threads() : Runtime.getRuntime().availableProcessors();
		// the pool keeps one hash's blocks per hashing thread
		this.encoder = new PooledArgon2Encoder(SALT_BYTES, HASH_BYTES, properties.parallelism(), properties.memoryKib(),
				properties.iterations(), threads);
		this.scheduler = Schedulers.newBoundedElastic(threads, properties.queueSize(), "password-hashing");
		this.dummyHash = this.encoder.encode(UUID.randomUUID().toString());
	}

	public Mono<String> hash(String password) {
		return onHashingThread(() -> this.encoder.encode(password));
	}

	/**
	 * Whether the password matches the hash; with no hash (unknown account) a dummy one
	 * is checked, as costly, and the answer is false.
	 */
	public Mono<Boolean> matches(String password, String hash) {
		if (hash == null) {
			return onHashingThread(() -> {
				this.encoder.matches(password, this.dummyHash);
				return false;
			});
		}
		return onHashingThread(() -> this.encoder.matches(password, hash));
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
	}

	private <T> Mono<T> onHashingThread(Callable<T> work) {
		return Mono.fromCallable(work)
			.subscribeOn(this.scheduler)
			.onErrorMap(RejectedExecutionException.class,
					(ex) -> ApiException.serviceUnavailable("Too many sign-in requests, try again shortly"));
	}

}
