package com.appgain.common.test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Access tokens shaped exactly like the ones users-service issues (RS256, kid
 * {@value TestKeys#KEY_ID}, claims {@code iss aud sub role jti iat exp}, 15 minutes), and
 * deliberately broken ones that a verifier must reject.
 */
public final class TestTokens {

	public static final String ISSUER = "appgain-users";

	public static final String AUDIENCE = "appgain";

	public static final Duration LIFETIME = Duration.ofMinutes(15);

	/** The subject of tokens minted without an explicit user id. */
	public static final String USER_ID = "65a1f0c2b3d4e5f607182930";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static volatile RSAKey otherKey;

	private TestTokens() {
	}

	public static String user(String userId) {
		return builder().subject(userId).role("user").build();
	}

	public static String admin(String userId) {
		return builder().subject(userId).role("admin").build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the {@code Authorization} header value that carries this token.
	 * @param token a token from this class
	 * @return {@code Bearer} and the token
	 */
	public static String bearer(String token) {
		return "Bearer " + token;
	}

	/**
	 * Returns a fresh random user id.
	 * @return 24 lowercase hex characters, like an ObjectId
	 */
	public static String newUserId() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * Returns a token that expired ten minutes ago, well past any clock skew allowance.
	 * @return the token
	 */
	public static String expired() {
		Instant now = Instant.now();
		return builder().issuedAt(now.minus(Duration.ofMinutes(25)))
			.expiresAt(now.minus(Duration.ofMinutes(10)))
			.build();
	}

	public static String wrongIssuer() {
		return builder().issuer("someone-else").build();
	}

	public static String wrongAudience() {
		return builder().audience("another-platform").build();
	}

	/**
	 * Returns an unsigned token: header {@code {"alg":"none"}}, valid claims, empty
	 * signature.
	 * @return the token
	 */
	public static String algNone() {
		return base64Url("{\"alg\":\"none\"}") + "." + base64Url(builder().payloadJson()) + ".";
	}

	/**
	 * Returns a token signed by a different RSA key that claims the same kid.
	 * @return the token
	 */
	public static String wrongKey() {
		return builder().signedWith(otherKey()).build();
	}

	/**
	 * Returns an HS256 token whose HMAC secret is the test public key's encoded bytes:
	 * the key-confusion attack on verifiers that take the algorithm from the token.
	 * @return the token
	 */
	public static String hmacWithPublicKey() {
		try {
			return builder().sign(JWSAlgorithm.HS256, new MACSigner(TestKeys.publicKey().getEncoded()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns a string with three segments that are not base64url JSON.
	 * @return the token
	 */
	public static String malformed() {
		return "not-a-header.not-a-payload.not-a-signature";
	}

	/**
	 * Returns a correctly signed token without a {@code role} claim: the signature and
	 * standard claims verify, the application must still refuse it.
	 * @return the token
	 */
	public static String noRole() {
		return builder().without("role").build();
	}

	/**
	 * Every deliberately broken kind, by name, for parameterized tests: each must be
	 * refused wherever tokens are checked.
	 * @return a supplier of each broken token, in a stable order
	 */
	public static Map<String, Supplier<String>> brokenKinds() {
		Map<String, Supplier<String>> kinds = new LinkedHashMap<>();
		kinds.put("expired", TestTokens::expired);
		kinds.put("wrong issuer", TestTokens::wrongIssuer);
		kinds.put("wrong audience", TestTokens::wrongAudience);
		kinds.put("alg none", TestTokens::algNone);
		kinds.put("wrong key", TestTokens::wrongKey);
		kinds.put("HMAC with the public key", TestTokens::hmacWithPublicKey);
		kinds.put("malformed", TestTokens::malformed);
		kinds.put("no role", TestTokens::noRole);
		return kinds;
	}

	private static RSAKey otherKey() {
		if (otherKey == null) {
			synchronized (TestTokens.class) {
				if (otherKey == null) {
					otherKey = TestKeys.generate();
				}
			}
		}
		return otherKey;
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A token with every claim defaulted as users-service issues it: subject
	 * {@link #USER_ID}, role {@code user}, new jti, issued now, expiring in
	 * {@link #LIFETIME}.
	 */
	public static final class Builder {

		private final Map<String, Object> claims = new LinkedHashMap<>();

		private RSAKey key = TestKeys.rsaKey();

		private Builder() {
			Instant now = Instant.now();
			this.claims.put("iss", ISSUER);
			this.claims.put("aud", List.of(AUDIENCE));
			this.claims.put("sub", USER_ID);
			this.claims.put("role", "user");
			this.claims.put("jti", UUID.randomUUID().toString());
			this.claims.put("iat", now.getEpochSecond());
			this.claims.put("exp", now.plus(LIFETIME).getEpochSecond());
		}

		public Builder issuer(String issuer) {
			return claim("iss", issuer);
		}

		public Builder audience(String... audience) {
			return claim("aud", List.of(audience));
		}

		public Builder subject(String userId) {
			return claim("sub", userId);
		}

		public Builder role(String role) {
			return claim("role", role);
		}

		public Builder admin() {
			return role("admin");
		}

		public Builder jwtId(String jwtId) {
			return claim("jti", jwtId);
		}

		public Builder issuedAt(Instant issuedAt) {
			return claim("iat", issuedAt.getEpochSecond());
		}

		public Builder expiresAt(Instant expiresAt) {
			return claim("exp", expiresAt.getEpochSecond());
		}

		/**
		 * Sets any claim; numbers, strings, booleans, lists and maps serialize as JSON.
		 * @param name the claim name
		 * @param value the value
		 * @return this builder
		 */
		public Builder claim(String name, Object value) {
			this.claims.put(name, value);
			return this;
		}

		public Builder without(String name) {
			this.claims.remove(name);
			return this;
		}

		/**
		 * Signs with another RSA key, for example to test key rotation.
		 * @param key a private RSA key; its kid goes in the header
		 * @return this builder
		 */
		public Builder signedWith(RSAKey key) {
			this.key = key;
			return this;
		}

		public Map<String, Object> claims() {
			return Collections.unmodifiableMap(new LinkedHashMap<>(this.claims));
		}

		/**
		 * Signs the token with RS256.
		 * @return the compact serialization
		 */
		public String build() {
			try {
				return sign(JWSAlgorithm.RS256, new RSASSASigner(this.key));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		String payloadJson() {
			return JSONObjectUtils.toJSONString(this.claims);
		}

		String sign(JWSAlgorithm algorithm, JWSSigner signer) {
			JWSHeader header = new JWSHeader.Builder(algorithm).keyID(this.key.getKeyID())
				.type(JOSEObjectType.JWT)
				.build();
			// the payload is serialized from the map as is, so aud stays a JSON array
			JWSObject jws = new JWSObject(header, new Payload(this.claims));
			try {
				jws.sign(signer);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Cannot sign test token", ex);
			}
			return jws.serialize();
		}

	}

}
