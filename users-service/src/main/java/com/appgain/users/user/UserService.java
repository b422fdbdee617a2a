package com.appgain.users.user;

import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.mongo.ScanLimit;
import com.appgain.common.api.response.PageRequest;
import com.appgain.common.api.response.Paged;
import com.appgain.common.api.response.Pagination;
import com.appgain.common.api.security.AuthenticatedUser;
import com.appgain.common.api.security.Role;
import com.appgain.common.api.security.TokenDenylist;
import com.appgain.common.api.store.MongoErrors;
import com.appgain.users.token.RefreshTokens;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Accounts: registration, profile changes and what administrators do to other accounts.
 * Whatever takes rights away (disabling, demoting) voids the tokens already issued.
 */
@Service
public class UserService {

	private static final Logger logger = LoggerFactory.getLogger(UserService.class);

	private final UserStore store;

	private final PasswordHasher hasher;

	private final RefreshTokens refreshTokens;

	private final TokenDenylist denylist;

	private final ScanLimit scanLimit;

	UserService(UserStore store, PasswordHasher hasher, RefreshTokens refreshTokens, TokenDenylist denylist,
			ScanLimit scanLimit) {
		this.store = store;
		this.hasher = hasher;
		this.refreshTokens = refreshTokens;
		this.denylist = denylist;
		this.scanLimit = scanLimit;
	}

	public Mono<User> register(RegisterRequest request) {
		String email = User.normaliseEmail(request.email());
		return this.hasher.hash(request.password())
			.map((hash) -> User.create(email, request.name().trim(), hash, Role.USER, Instant.now()))
			.flatMap(this.store::insert)
			.onErrorMap(MongoErrors::isDuplicateKey,
					(ex) -> ApiException.conflict("A user with this email already exists"))
			.doOnNext((user) -> log("user.registered", user, "User registered"));
	}

	public Mono<User> get(ObjectId id) {
		return this.store.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("User")));
	}

	/**
	 * Changes the caller's name and/or password. A new password needs the current one
	 * (403 otherwise) and ends every other session of the user; this session stays.
	 */
	public Mono<User> updateProfile(AuthenticatedUser caller, String sessionId, UpdateProfileRequest request) {
		ObjectId id = new ObjectId(caller.id());
		return get(id).flatMap((user) -> verifyCurrentPassword(user, request))
			.then(profileChanges(request))
			.flatMap((update) -> apply(id, update))
			.flatMap((user) -> (request.password() != null) ? endOtherSessions(user, sessionId) : Mono.just(user));
	}

	public Mono<UserPage> list(String search, PageRequest page) {
		Mono<Paged<User>> found = Paged.of(this.store.search(search, page), this.store.count(search), page);
		return this.scanLimit.applyWhenSearching(search, found)
			.map((paged) -> new UserPage(paged.items(), paged.pagination()));
	}

	/** Sets a user's role; a demoted user's tokens stop working at once. */
	public Mono<User> changeRole(AuthenticatedUser caller, ObjectId id, Role role) {
		if (caller.owns(id.toHexString()) && role != Role.ADMIN) {
			return Mono.error(ApiException.conflict("Administrators cannot remove their own admin role"));
		}
		return get(id).flatMap(
				(user) -> (user.toRole() == role) ? Mono.just(user) : apply(id, Update.update("role", role.value()))
					.flatMap((updated) -> afterRoleChange(caller, updated)));
	}

	/**
	 * Enables or disables a user; a disabled user's tokens and sessions end at once,
	 * every time the user is set disabled.
	 */
	public Mono<User> changeStatus(AuthenticatedUser caller, ObjectId id, UserStatus status) {
		if (caller.owns(id.toHexString()) && status != UserStatus.ACTIVE) {
			return Mono.error(ApiException.conflict("Administrators cannot disable their own account"));
		}
		return get(id)
			.flatMap((user) -> status.value().equals(user.status()) ? Mono.just(user)
					: apply(id, Update.update("status", status.value()))
						.doOnNext((updated) -> logByAdmin("user.status_changed", updated, caller,
								"Status changed to " + updated.status())))
			// also when it was disabled already: a retry must finish what a failed
			// attempt left undone
			.flatMap((user) -> user.isActive() ? Mono.just(user) : endEverySession(user));
	}

	private Mono<Void> verifyCurrentPassword(User user, UpdateProfileRequest request) {
		if (request.password() == null) {
			return Mono.empty();
		}
		return this.hasher.matches(request.currentPassword(), user.passwordHash())
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> ApiException.forbidden("Current password is incorrect")))
			.then();
	}

	private Mono<Update> profileChanges(UpdateProfileRequest request) {
		Update update = new Update();
		if (request.name() != null) {
			update.set("name", request.name().trim());
		}
		if (request.password() == null) {
			return Mono.just(update);
		}
		return this.hasher.hash(request.password()).map((hash) -> update.set("passwordHash", hash));
	}

	private Mono<User> apply(ObjectId id, Update update) {
		return this.store.update(id, update).switchIfEmpty(Mono.error(() -> ApiException.notFound("User")));
	}

	// the other sessions' refresh tokens and access tokens (by their sid)
	private Mono<User> endOtherSessions(User user, String sessionId) {
		Mono<Void> revoke = (sessionId != null) ? this.refreshTokens.revokeAllOfExcept(user.id(), sessionId)
				: this.refreshTokens.revokeAllOf(user.id());
		return revoke
			.doOnSuccess((done) -> log("user.password_changed", user, "Password changed; other sessions ended"))
			.thenReturn(user);
	}

	private Mono<User> afterRoleChange(AuthenticatedUser caller, User user) {
		logByAdmin("user.role_changed", user, caller, "Role changed to " + user.role());
		return (user.toRole() == Role.ADMIN) ? Mono.just(user) : voidTokens(user).thenReturn(user);
	}

	private Mono<User> endEverySession(User user) {
		return this.refreshTokens.revokeAllOf(user.id()).then(voidTokens(user)).thenReturn(user);
	}

	private Mono<Void> voidTokens(User user) {
		return this.denylist.revokeAllOf(user.idString())
			.onErrorMap((ex) -> !(ex instanceof ApiException),
					(ex) -> ApiException.serviceUnavailable("Tokens could not be revoked, try again"));
	}

	private static void log(String event, User user, String message) {
		logger.atInfo().addKeyValue("event", event).addKeyValue("user_id", user.idString()).log(message);
	}

	private static void logByAdmin(String event, User user, AuthenticatedUser admin, String message) {
		logger.atInfo()
			.addKeyValue("event", event)
			.addKeyValue("user_id", user.idString())
			.addKeyValue("admin_id", admin.id())
			.log(message);
	}

	/** One page of users and where it lies. */
	public record UserPage(List<User> users, Pagination pagination) {
	}

}
