package com.appgain.users.user;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.security.Role;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Makes sure the account named by {@code ADMIN_EMAIL} exists and is an administrator, so
 * a fresh platform can be administered. Idempotent, safe when replicas start together,
 * and it never changes the password of an existing account.
 */
@Component
public class AdminBootstrap {

	private static final Logger logger = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final int MIN_PASSWORD_LENGTH = 8;

	private static final int MAX_PASSWORD_LENGTH = 128;

	private final AdminProperties properties;

	private final UserStore store;

	private final PasswordHasher hasher;

	AdminBootstrap(AdminProperties properties, UserStore store, PasswordHasher hasher) {
		this.properties = properties;
		this.store = store;
		this.hasher = hasher;
		requireUsablePassword(properties);
	}

	/**
	 * The administrator account, created or promoted as needed; empty if none is
	 * configured.
	 */
	public Mono<User> ensureAdmin() {
		if (!this.properties.isConfigured()) {
			return Mono.empty();
		}
		String email = User.normaliseEmail(this.properties.email());
		return this.hasher.hash(this.properties.password())
			.map((hash) -> User.create(email, "Administrator", hash, Role.ADMIN, Instant.now()))
			.flatMap((admin) -> this.store.upsertAdmin(admin)
				// another replica inserted it first: now the upsert finds and promotes it
				.onErrorResume(DuplicateKeyException.class, (ex) -> this.store.upsertAdmin(admin)))
			.doOnNext((admin) -> logger.atInfo()
				.addKeyValue("event", "admin.ensured")
				.addKeyValue("user_id", admin.idString())
				.log("The configured administrator is present"));
	}

	private static void requireUsablePassword(AdminProperties properties) {
		if (!properties.isConfigured()) {
			return;
		}
		int length = properties.password().codePointCount(0, properties.password().length());
		if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
			throw new IllegalStateException("ADMIN_PASSWORD must be " + MIN_PASSWORD_LENGTH + " to "
					+ MAX_PASSWORD_LENGTH + " characters long");
		}
	}

}
