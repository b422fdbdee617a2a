package com.appgain.users.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.security.TokenDenylist;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Opaque refresh tokens that rotate on every use. Presenting a token that was already
 * rotated means someone else holds a copy, so its whole family (the session) is revoked.
 * Revoking a session flags the family, marks its tokens revoked and denies its access
 * tokens (their {@code sid} claim) wherever tokens are verified.
 */
@Component
public class RefreshTokens {

	private static final Logger logger = LoggerFactory.getLogger(RefreshTokens.class);

	private static final int TOKEN_BYTES = 32;

	// a token inserted by a refresh racing the revocation lives a little longer
	private static final Duration FLAG_MARGIN = Duration.ofHours(1);

	private final ReactiveMongoTemplate mongo;

	private final Duration lifetime;

	private final RandomValues random;

	private final TokenDenylist denylist;

	RefreshTokens(ReactiveMongoTemplate mongo, RandomValues random, JwtProperties properties, TokenDenylist denylist) {
		this.mongo = mongo;
		this.random = random;
		this.denylist = denylist;
		this.lifetime = properties.refreshTokenTtl();
	}

	/** A token opening a new session (a new family) for the user. */
	public Mono<IssuedRefreshToken> start(ObjectId userId) {
		return issue(userId, new ObjectId().toHexString());
	}

	/** The successor of a token just consumed, in the same session. */
	public Mono<IssuedRefreshToken> rotate(RefreshToken consumed) {
		return issue(consumed.userId(), consumed.familyId());
	}

	/**
	 * Marks the token used, atomically, and returns it; an unknown, expired, revoked or
	 * already used token is a 401, and a used one revokes its family too. A token of a
	 * family flagged revoked is refused even if it was inserted after the revocation.
	 */
	public Mono<RefreshToken> consume(String value) {
		String hash = hash(value);
		Query usable = Query.query(Criteria.where("hash")
			.is(hash)
			.and("used")
			.is(false)
			.and("revoked")
			.is(false)
			.and("expiresAt")
			.gt(Instant.now()));
		Update markUsed = Update.update("used", true).set("usedAt", Instant.now());
		return this.mongo
			.findAndModify(usable, markUsed, FindAndModifyOptions.options().returnNew(true), RefreshToken.class)
			.switchIfEmpty(Mono.defer(() -> refuse(hash)))
			.flatMap(this::requireLiveFamily);
	}

	private Mono<RefreshToken> requireLiveFamily(RefreshToken token) {
		return this.mongo.exists(Query.query(Criteria.where("familyId").is(token.familyId())), RevokedSession.class)
			.flatMap((revoked) -> revoked ? Mono.error(RefreshTokens::invalid) : Mono.just(token));
	}

	/** The stored token for a value, if there is one. */
	public Mono<RefreshToken> find(String value) {
		return this.mongo.findOne(Query.query(Criteria.where("hash").is(hash(value))), RefreshToken.class);
	}

	/** Ends one session: its refresh tokens and its access tokens. */
	public Mono<Void> revokeFamily(String familyId) {
		return this.mongo.findOne(Query.query(Criteria.where("familyId").is(familyId)), RefreshToken.class)
			.flatMap((token) -> revokeSessions(token.userId(), List.of(familyId)));
	}

	/** Ends every session of the user. */
	public Mono<Void> revokeAllOf(ObjectId userId) {
		return familiesOf(Criteria.where("userId").is(userId)).flatMap((families) -> revokeSessions(userId, families));
	}

	/** Ends every session of the user but {@code keptFamilyId}. */
	public Mono<Void> revokeAllOfExcept(ObjectId userId, String keptFamilyId) {
		return familiesOf(Criteria.where("userId").is(userId).and("familyId").ne(keptFamilyId))
			.flatMap((families) -> revokeSessions(userId, families));
	}

	private Mono<List<String>> familiesOf(Criteria criteria) {
		return this.mongo.findDistinct(Query.query(criteria), "familyId", RefreshToken.class, String.class)
			.collectList();
	}

	// flag first, so a refresh past its check from now on is refused at its next use;
	// the access tokens it may still mint carry a denied sid
	private Mono<Void> revokeSessions(ObjectId userId, List<String> families) {
		if (families.isEmpty()) {
			return Mono.empty();
		}
		Instant now = Instant.now();
		Instant keepUntil = now.plus(this.lifetime).plus(FLAG_MARGIN);
		return Flux.fromIterable(families)
			.flatMap((family) -> this.mongo.save(new RevokedSession(family, userId, now, keepUntil)))
			.then(this.mongo.updateMulti(Query.query(Criteria.where("familyId").in(families).and("revoked").is(false)),
					Update.update("revoked", true), RefreshToken.class))
			.then(this.denylist.revokeSessions(families)
				.onErrorMap((ex) -> ApiException.serviceUnavailable("Tokens could not be revoked, try again")));
	}

	private Mono<IssuedRefreshToken> issue(ObjectId userId, String familyId) {
		String value = this.random.next(TOKEN_BYTES);
		Instant now = Instant.now();
		Instant expiresAt = now.plus(this.lifetime);
		return this.mongo.insert(RefreshToken.create(hash(value), userId, familyId, now, expiresAt))
			.thenReturn(new IssuedRefreshToken(value, familyId, expiresAt));
	}

	private Mono<RefreshToken> refuse(String hash) {
		return this.mongo.findOne(Query.query(Criteria.where("hash").is(hash)), RefreshToken.class)
			.filter(RefreshToken::used)
			.flatMap(this::revokeReusedFamily)
			.then(Mono.error(RefreshTokens::invalid));
	}

	private static ApiException invalid() {
		return ApiException.unauthorized("Invalid or expired refresh token");
	}

	private Mono<Void> revokeReusedFamily(RefreshToken reused) {
		logger.atWarn()
			.addKeyValue("event", "refresh_token.reused")
			.addKeyValue("user_id", reused.userId().toHexString())
			.log("A rotated refresh token was presented again; its session is revoked");
		return revokeFamily(reused.familyId());
	}

	static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A new refresh token value (shown to the client once) and its session. */
	public record IssuedRefreshToken(String value, String familyId, Instant expiresAt) {
	}

}
