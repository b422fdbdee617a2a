package com.appgain.users.token;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.appgain.common.api.security.ApiSecurityProperties;
import com.appgain.common.api.security.Role;
import com.appgain.common.api.security.TokenDenylist;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues short-lived RS256 access tokens. Besides the suite's claims each carries
 * {@code sid}, the refresh-token family it belongs to, so a logout or a password change
 * can tell this session from the others.
 */
@Component
public class AccessTokens {

	/** Claim naming the session (refresh-token family) a token was issued for. */
	public static final String SESSION_CLAIM = TokenDenylist.SESSION_CLAIM;

	private final JwtEncoder encoder;

	private final SigningKeys keys;

	private final ApiSecurityProperties security;

	private final RandomValues random;

	private final Duration lifetime;

	AccessTokens(JwtEncoder encoder, SigningKeys keys, RandomValues random, ApiSecurityProperties security,
			JwtProperties properties) {
		this.encoder = encoder;
		this.random = random;
		this.keys = keys;
		this.security = security;
		this.lifetime = properties.accessTokenTtl();
	}

	/**
	 * Signs a token off the event loop: RSA signing is CPU work, and its blinding draws
	 * from the JVM's default {@code SecureRandom}, which may read {@code /dev/urandom}.
	 */
	public Mono<AccessToken> issue(String userId, Role role, String sessionId) {
		return Mono.fromCallable(() -> sign(userId, role, sessionId)).subscribeOn(Schedulers.boundedElastic());
	}

	private AccessToken sign(String userId, Role role, String sessionId) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.security.issuer())
			.audience(List.of(this.security.audience()))
			.subject(userId)
			.claim("role", role.value())
			.claim(SESSION_CLAIM, sessionId)
			.id(this.random.next(16))
			.issuedAt(now)
			.expiresAt(now.plus(this.lifetime))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.keys.signingKey().getKeyID()).build();
		String value = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new AccessToken(value, this.lifetime.toSeconds());
	}

	/** A signed access token and its lifetime in seconds. */
	public record AccessToken(String value, long expiresIn) {
	}

}
