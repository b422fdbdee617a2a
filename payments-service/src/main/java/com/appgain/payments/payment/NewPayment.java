package com.appgain.payments.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A create body, already checked against {@code schemas/payments/create.json} and the
 * configured currencies.
 *
 * @param amount minor units, 1 to 99999999
 * @param currency lowercase ISO code
 * @param description optional text, {@code null} if not sent
 */
record NewPayment(long amount, String currency, String description) {

	/**
	 * SHA-256 of the fields, so that a replayed Idempotency-Key can be told from one
	 * reused for a different request.
	 */
	String hash() {
		String canonical = this.amount + "\n" + this.currency + "\n"
				+ ((this.description != null) ? "+" + this.description : "-");
		return sha256(canonical);
	}

	static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
