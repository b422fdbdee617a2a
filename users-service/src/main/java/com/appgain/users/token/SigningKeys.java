package com.appgain.users.token;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The key access tokens are signed with, and every key they are still verified with: the
 * signing key first, then previous keys kept so that rotating the key logs nobody out.
 */
public final class SigningKeys {

	private final RSAKey signingKey;

	private final List<RSAKey> verificationKeys;

	SigningKeys(RSAKey signingKey, List<RSAKey> previousKeys) {
		this.signingKey = signingKey;
		List<RSAKey> keys = new ArrayList<>();
		keys.add(signingKey.toPublicJWK());
		keys.addAll(previousKeys);
		requireDistinctKeyIds(keys);
		this.verificationKeys = List.copyOf(keys);
	}

	static SigningKeys of(RSAPrivateCrtKey privateKey, String keyId, List<Pem.KeyedPublicKey> previousKeys) {
		RSAKey signing = rsaKey(Pem.publicKeyOf(privateKey), keyId).privateKey(privateKey).build();
		return new SigningKeys(signing,
				previousKeys.stream().map((previous) -> rsaKey(previous.key(), previous.kid()).build()).toList());
	}

	/** The private signing key, with its kid. */
	public RSAKey signingKey() {
		return this.signingKey;
	}

	/** Public keys only, the signing key's first. */
	public List<RSAKey> verificationKeys() {
		return this.verificationKeys;
	}

	/** The JWKS document: public keys only. */
	public Map<String, Object> publicJwkSet() {
		return new JWKSet(List.copyOf(this.verificationKeys)).toJSONObject(true);
	}

	private static RSAKey.Builder rsaKey(RSAPublicKey publicKey, String keyId) {
		RSAKey.Builder builder = new RSAKey.Builder(publicKey).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
		if (keyId != null && !keyId.isBlank()) {
			return builder.keyID(keyId.trim());
		}
		try {
			return builder.keyIDFromThumbprint();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot compute the thumbprint of a JWT key", ex);
		}
	}

	private static void requireDistinctKeyIds(List<RSAKey> keys) {
		Set<String> seen = new HashSet<>();
		for (RSAKey key : keys) {
			if (!seen.add(key.getKeyID())) {
				throw new IllegalStateException("Two JWT keys share the kid '" + key.getKeyID() + "'");
			}
		}
	}

}
