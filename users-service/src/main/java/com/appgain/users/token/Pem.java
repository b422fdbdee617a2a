package com.appgain.users.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the PEM forms of RSA keys: PKCS#8 private keys and X.509
 * SubjectPublicKeyInfo public keys.
 */
final class Pem {

	private static final Pattern PUBLIC_KEY = Pattern
		.compile("(?:kid:\\s*(\\S+)\\s*)?-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

	private static final Pattern PRIVATE_KEY = Pattern
		.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

	private Pem() {
	}

	static RSAPrivateCrtKey privateKey(String pem) {
		Matcher matcher = PRIVATE_KEY.matcher(unescape(pem));
		if (!matcher.find()) {
			throw new IllegalStateException("JWT signing key is not a PEM PKCS#8 private key "
					+ "('-----BEGIN PRIVATE KEY-----'); convert a PKCS#1 key with 'openssl pkcs8 -topk8 -nocrypt'");
		}
		try {
			return (RSAPrivateCrtKey) rsa().generatePrivate(new PKCS8EncodedKeySpec(decode(matcher.group(1))));
		}
		catch (GeneralSecurityException | ClassCastException | IllegalArgumentException ex) {
			throw new IllegalStateException("JWT signing key is not an RSA private key", ex);
		}
	}

	static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) {
		try {
			return (RSAPublicKey) rsa()
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot derive the public key of the JWT signing key", ex);
		}
	}

	/** Every public key in {@code text}, with the kid written above it, if any. */
	static List<KeyedPublicKey> publicKeys(String text) {
		List<KeyedPublicKey> keys = new ArrayList<>();
		Matcher matcher = PUBLIC_KEY.matcher(unescape(text));
		while (matcher.find()) {
			keys.add(new KeyedPublicKey(matcher.group(1), publicKey(decode(matcher.group(2)))));
		}
		if (keys.isEmpty() && !text.isBlank()) {
			throw new IllegalStateException("JWT previous public keys hold no '-----BEGIN PUBLIC KEY-----' block");
		}
		return keys;
	}

	static String encodePrivateKey(RSAPrivateCrtKey key) {
		return encode("PRIVATE KEY", key.getEncoded());
	}

	static String encodePublicKey(RSAPublicKey key) {
		return encode("PUBLIC KEY", key.getEncoded());
	}

	private static RSAPublicKey publicKey(byte[] der) {
		try {
			return (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(der));
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalStateException("A JWT previous public key is not an RSA public key", ex);
		}
	}

	private static String encode(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	private static byte[] decode(String base64) {
		return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
	}

	// Keys passed through an environment variable often arrive with literal "\n".
	private static String unescape(String pem) {
		return pem.replace("\\n", "\n");
	}

	private static KeyFactory rsa() throws GeneralSecurityException {
		return KeyFactory.getInstance("RSA");
	}

	/** A public key and the kid it was published under, {@code null} when none given. */
	record KeyedPublicKey(String kid, RSAPublicKey key) {
	}

}
