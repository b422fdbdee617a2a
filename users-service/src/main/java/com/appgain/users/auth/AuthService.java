package com.appgain.users.auth;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.security.TokenDenylist;
import com.appgain.users.token.AccessTokens;
import com.appgain.users.token.RefreshToken;
import com.appgain.users.token.RefreshTokens;
import com.appgain.users.user.PasswordHasher;
import com.appgain.users.user.User;
import com.appgain.users.user.UserStore;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/**
 * Login, refresh and logout. A wrong email and a wrong password fail alike, in the same
 * time (an unknown email still costs one hash), and both count towards throttling.
 */
@Service
class AuthService {

	private static final Logger logger = LoggerFactory.getLogger(AuthService.class);

	private static final String INVALID_CREDENTIALS = "Invalid email or password";

	private static final String INVALID_REFRESH_TOKEN = "Invalid or expired refresh token";

	private final UserStore users;

	private final PasswordHasher hasher;

	private final LoginThrottle throttle;

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final TokenDenylist denylist;

	AuthService(UserStore users, PasswordHasher hasher, LoginThrottle throttle, AccessTokens accessTokens,
			RefreshTokens refreshTokens, TokenDenylist denylist) {
		this.users = users;
		this.hasher = hasher;
		this.throttle = throttle;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.denylist = denylist;
	}

	Mono<Session> login(LoginRequest request, String clientAddress) {
		String email = User.normaliseEmail(request.email());
		return this.throttle.attempt(email, clientAddress)
			.then(verify(email, request.password()))
			.switchIfEmpty(Mono.defer(() -> failed(clientAddress)))
			.flatMap(this::requireActive)
			.flatMap((user) -> this.throttle.succeeded(email, clientAddress).thenReturn(user))
			.flatMap(this::startSession)
			.doOnNext((session) -> log("login.succeeded", session.user(), "Login succeeded"));
	}

	/** Trades a refresh token for a new pair; the old one is used up. */
	Mono<Session> refresh(String refreshToken) {
		return this.refreshTokens.consume(refreshToken)
			.flatMap((consumed) -> activeOwner(consumed)
				.flatMap((user) -> this.refreshTokens.rotate(consumed).flatMap((next) -> session(user, next))));
	}

	/**
	 * Ends the session: this access token is denied until it expires, and its refresh
	 * token family (and the one presented, if it is the caller's) is revoked.
	 */
	Mono<Void> logout(Jwt accessToken, String refreshToken) {
		return deny(accessToken).then(endSessionOf(accessToken))
			.then(endPresentedSession(accessToken, refreshToken))
			.doOnSuccess((done) -> logger.atInfo()
				.addKeyValue("event", "logout")
				.addKeyValue("user_id", accessToken.getSubject())
				.log("Logged out"));
	}

	private Mono<Void> deny(Jwt accessToken) {
		if (accessToken.getId() == null) {
			return Mono.empty();
		}
		return this.denylist.revoke(accessToken.getId(), accessToken.getExpiresAt())
			.onErrorMap((ex) -> ApiException.serviceUnavailable("Logout is unavailable, try again"));
	}

	private Mono<Void> endSessionOf(Jwt accessToken) {
		String sessionId = accessToken.getClaimAsString(AccessTokens.SESSION_CLAIM);
		return (sessionId != null) ? this.refreshTokens.revokeFamily(sessionId) : Mono.empty();
	}

	private Mono<Void> endPresentedSession(Jwt accessToken, String refreshToken) {
		if (refreshToken == null) {
			return Mono.empty();
		}
		return this.refreshTokens.find(refreshToken)
			.filter((token) -> token.userId().toHexString().equals(accessToken.getSubject()))
			.flatMap((token) -> this.refreshTokens.revokeFamily(token.familyId()));
	}

	private Mono<User> verify(String email, String password) {
		return this.users.findByEmail(email)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((user) -> this.hasher.matches(password, user.map(User::passwordHash).orElse(null))
				.flatMap((matches) -> matches ? Mono.justOrEmpty(user) : Mono.empty()));
	}

	// the attempt was counted before the password was checked
	private Mono<User> failed(String clientAddress) {
		logger.atInfo()
			.addKeyValue("event", "login.failed")
			.addKeyValue("client_ip", clientAddress)
			.log("Login failed: invalid email or password");
		return Mono.error(() -> ApiException.unauthorized(INVALID_CREDENTIALS));
	}

	private Mono<User> requireActive(User user) {
		if (user.isActive()) {
			return Mono.just(user);
		}
		log("login.refused", user, "Login refused: account disabled");
		return Mono.error(ApiException.forbidden("This account is disabled"));
	}

	private Mono<Session> startSession(User user) {
		return this.refreshTokens.start(user.id()).flatMap((refresh) -> session(user, refresh));
	}

	private Mono<User> activeOwner(RefreshToken token) {
		return this.users.findById(token.userId())
			.filter(User::isActive)
			.switchIfEmpty(Mono.defer(() -> this.refreshTokens.revokeFamily(token.familyId())
				.then(Mono.error(() -> ApiException.unauthorized(INVALID_REFRESH_TOKEN)))));
	}

	private Mono<Session> session(User user, RefreshTokens.IssuedRefreshToken refresh) {
		return this.accessTokens.issue(user.idString(), user.toRole(), refresh.familyId())
			.map((access) -> new Session(user, access, refresh));
	}

	private static void log(String event, User user, String message) {
		logger.atInfo().addKeyValue("event", event).addKeyValue("user_id", user.idString()).log(message);
	}

}
