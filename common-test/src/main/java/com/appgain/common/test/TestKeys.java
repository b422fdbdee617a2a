package com.appgain.common.test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA 2048 key pair test tokens are signed with, kid {@value #KEY_ID}, generated once
 * per JVM. Give a service {@link #publicKeyPem()} as {@code appgain.security.public-key},
 * or serve {@link #jwkSetJson()} as its JWKS.
 */
public final class TestKeys {

	public static final String KEY_ID = "test-key";

	private static final RSAKey KEY = generate();

	private TestKeys() {
	}

	/**
	 * Returns the signing key with its private part.
	 * @return the Nimbus key, kid {@value #KEY_ID}
	 */
	public static RSAKey rsaKey() {
		return KEY;
	}

	public static RSAPublicKey publicKey() {
		try {
			return KEY.toRSAPublicKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static RSAPrivateKey privateKey() {
		try {
			return KEY.toRSAPrivateKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static KeyPair keyPair() {
		return new KeyPair(publicKey(), privateKey());
	}

	/**
	 * Returns the public key as X.509 SubjectPublicKeyInfo PEM.
	 * @return {@code -----BEGIN PUBLIC KEY-----} ...
	 */
	public static String publicKeyPem() {
		return pem("PUBLIC KEY", publicKey().getEncoded());
	}

	/**
	 * Returns the private key as PKCS#8 PEM, for configuring a token issuer under test.
	 * @return {@code -----BEGIN PRIVATE KEY-----} ...
	 */
	public static String privateKeyPem() {
		return pem("PRIVATE KEY", privateKey().getEncoded());
	}

	/**
	 * Returns the public JWKS document.
	 * @return {@code {"keys":[{"kty":"RSA","kid":"test-key",...}]}}
	 */
	public static String jwkSetJson() {
		return new JWKSet(KEY.toPublicJWK()).toString();
	}

	static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(KEY_ID)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate test RSA key", ex);
		}
	}

	private static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

}
