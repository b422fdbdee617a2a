package com.appgain.payments.payment;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A refund asked for through this service, inside its payment. It is written as
 * {@code requested} (its amount reserved) before Stripe is called, then takes Stripe's
 * refund id and status.
 *
 * @param idempotencyKey the caller's key, or one derived from the amount
 * @param amount minor units
 * @param status {@code requested}, then Stripe's: {@code pending}, {@code succeeded}, ...
 * @param stripeRefundId {@code re_...} once Stripe accepted it
 * @param createdAt when it was asked for
 */
public record RefundEntry(@Field(KEY) String idempotencyKey, long amount, @Field(STATUS) String status,
		@Field("stripe_refund_id") String stripeRefundId, @Field("created_at") Instant createdAt) {

	static final String KEY = "idempotency_key";

	static final String STATUS = "status";

	static final String REQUESTED = "requested";

	private static final Set<String> UNSUCCESSFUL = Set.of(REQUESTED, "failed", "canceled");

	/**
	 * The entry's key in {@code refunds}: a hash, since a client's key may hold dots or
	 * dollars, which MongoDB does not take in field names (and never all digits, which
	 * would read as an array index).
	 */
	static String id(String idempotencyKey) {
		return "r" + NewPayment.sha256(idempotencyKey).substring(0, 31);
	}

	String id() {
		return id(this.idempotencyKey);
	}

	static RefundEntry requested(String idempotencyKey, long amount) {
		return new RefundEntry(idempotencyKey, amount, REQUESTED, null, Payment.now());
	}

	boolean isRequested() {
		return REQUESTED.equals(this.status);
	}

	boolean confirmed() {
		return this.stripeRefundId != null && !UNSUCCESSFUL.contains(this.status);
	}

	RefundJson forJson() {
		return new RefundJson(this.stripeRefundId, this.amount, this.status, this.createdAt);
	}

}
