package com.appgain.users.user;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.lifecycle.StartUpTasks;
import com.appgain.common.api.security.Role;
import com.appgain.common.api.store.MongoErrors;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the administrator named by {@code ADMIN_EMAIL} when no account has that email,
 * so a fresh platform can be administered. It never changes an existing account: one that
 * somebody registered with that email is not promoted (an error is logged), and the
 * account it created earlier is left as administrators have since made it. Runs once the
 * service is up, in the background, tried again until MongoDB answers. Idempotent and
 * safe when replicas start together.
 */
@Component
public class AdminBootstrap {

	private static final Logger logger = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final int MIN_PASSWORD_LENGTH = 8;

	private static final int MAX_PASSWORD_LENGTH = 128;

	private final AdminProperties properties;

	private final UserStore store;

	private final PasswordHasher hasher;

	private final StartUpTasks startUpTasks;

	AdminBootstrap(AdminProperties properties, UserStore store, PasswordHasher hasher, StartUpTasks startUpTasks) {
		this.properties = properties;
		this.store = store;
		this.hasher = hasher;
		requireUsablePassword(properties);
		this.startUpTasks = startUpTasks;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureAdminOnceReady() {
		this.startUpTasks.run("ensure the administrator", ensureAdmin(), logger);
	}

	/**
	 * The administrator account this service created, now or before; empty if none is
	 * configured or the email belongs to somebody else's account.
	 */
	public Mono<User> ensureAdmin() {
		if (!this.properties.isConfigured()) {
			return Mono.empty();
		}
		String email = User.normaliseEmail(this.properties.email());
		return this.store.findByEmail(email)
			.switchIfEmpty(Mono.defer(() -> create(email)))
			.filter((account) -> isOurs(account))
			.doOnNext((admin) -> logger.atInfo()
				.addKeyValue("event", "admin.ensured")
				.addKeyValue("user_id", admin.idString())
				.log("The configured administrator is present"));
	}

	private Mono<User> create(String email) {
		return this.hasher.hash(this.properties.password())
			.map((hash) -> User.createBootstrapAdmin(email, hash, Instant.now()))
			.flatMap(this.store::insert)
			// another replica inserted it first
			.onErrorResume(MongoErrors::isDuplicateKey, (ex) -> this.store.findByEmail(email));
	}

	private static boolean isOurs(User account) {
		// an administrator already (created before the flag existed, or promoted by
		// hand):
		// nothing to promote, nothing to warn about
		if (account.isBootstrapAdmin() || account.toRole() == Role.ADMIN) {
			return true;
		}
		logger.atError()
			.addKeyValue("event", "admin.email_taken")
			.addKeyValue("user_id", account.idString())
			.log("ADMIN_EMAIL belongs to an account this service did not create; it is not promoted. "
					+ "Choose another ADMIN_EMAIL, or have an administrator promote that account.");
		return false;
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
