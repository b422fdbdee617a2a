package com.appgain.payments.payment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import org.bson.types.ObjectId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A payment as stored in {@code payments}. It is inserted as a claim of the caller's
 * {@code Idempotency-Key} (status {@code creating}, a lease, no PaymentIntent yet) before
 * Stripe is called; the PaymentIntent id marks it created.
 *
 * @param id the payment id, also in the PaymentIntent's metadata
 * @param userId the owner
 * @param idempotencyKey the caller's key, unique per owner
 * @param requestHash SHA-256 of the request body the key was first used with
 * @param amount minor units
 * @param currency lowercase ISO code
 * @param description optional text
 * @param status a {@link PaymentStatus} value
 * @param stripePaymentIntentId {@code pi_...}, {@code null} while creating
 * @param stripeCustomerId {@code cus_...}
 * @param amountReceived minor units captured, as Stripe reported
 * @param amountRefunded minor units refunded, as Stripe reported or confirmed
 * @param refundReserved minor units claimed by refunds that did not fail: the guard
 * against refunding more than was captured
 * @param refunds refunds asked for through this service, by {@link RefundEntry#id}
 * @param failureMessage why the last attempt to pay failed
 * @param leaseUntil while creating: until when the claiming request owns the creation
 * @param createdAt when it was claimed
 * @param updatedAt last change
 * @param statusAt time of the Stripe event (or read) that set the status
 * @param checkedAt last time Stripe told us its status
 */
@Document(Payment.COLLECTION)
public record Payment(@Id ObjectId id, @Field(USER_ID) String userId, @Field(KEY) String idempotencyKey,
		@Field("request_hash") String requestHash, long amount, String currency, String description, String status,
		@Field(INTENT) String stripePaymentIntentId, @Field("stripe_customer_id") String stripeCustomerId,
		@Field("amount_received") long amountReceived, @Field(REFUNDED) long amountRefunded,
		@Field(RESERVED) long refundReserved, Map<String, RefundEntry> refunds,
		@Field("failure_message") String failureMessage, @Field(LEASE) Instant leaseUntil,
		@Field(CREATED_AT) Instant createdAt, @Field(UPDATED_AT) Instant updatedAt, @Field(STATUS_AT) Instant statusAt,
		@Field(CHECKED_AT) Instant checkedAt) {

	static final String COLLECTION = "payments";

	static final String USER_ID = "user_id";

	static final String KEY = "idempotency_key";

	static final String STATUS = "status";

	static final String INTENT = "stripe_payment_intent_id";

	static final String REFUNDED = "amount_refunded";

	static final String RESERVED = "refund_reserved";

	static final String REFUNDS = "refunds";

	static final String LEASE = "lease_until";

	static final String CREATED_AT = "created_at";

	static final String UPDATED_AT = "updated_at";

	static final String STATUS_AT = "status_at";

	static final String CHECKED_AT = "checked_at";

	/** The claim of an idempotency key, before anything is asked of Stripe. */
	static Payment claim(NewPayment request, String idempotencyKey, String userId, String customerId,
			Instant leaseUntil) {
		Instant now = now();
		return new Payment(null, userId, idempotencyKey, request.hash(), request.amount(), request.currency(),
				request.description(), PaymentStatus.CREATING.value(), null, customerId, 0, 0, 0, Map.of(), null,
				leaseUntil, now, now, null, now);
	}

	/** Whether the PaymentIntent exists and is recorded. */
	boolean isCreated() {
		return this.stripePaymentIntentId != null;
	}

	boolean leaseExpired() {
		return this.leaseUntil == null || this.leaseUntil.isBefore(Instant.now());
	}

	PaymentStatus paymentStatus() {
		return PaymentStatus.of(this.status);
	}

	/** What can be refunded in total: what Stripe captured. */
	long captured() {
		return (this.amountReceived > 0) ? this.amountReceived : this.amount;
	}

	Optional<RefundEntry> refund(String idempotencyKey) {
		return Optional.ofNullable(this.refunds.get(RefundEntry.id(idempotencyKey)));
	}

	/** Refunds Stripe accepted, in minor units. */
	long confirmedRefunds() {
		return this.refunds.values().stream().filter(RefundEntry::confirmed).mapToLong(RefundEntry::amount).sum();
	}

	PaymentJson forJson() {
		return new PaymentJson(this.id.toHexString(), this.userId, this.amount, this.currency, this.description,
				this.status, this.amountReceived, this.amountRefunded,
				this.refunds.values()
					.stream()
					.sorted(Comparator.comparing(RefundEntry::createdAt))
					.map(RefundEntry::forJson)
					.toList(),
				this.stripePaymentIntentId, this.failureMessage, this.createdAt, this.updatedAt);
	}

	// MongoDB keeps milliseconds: what a response says is what a later read returns.
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	public Payment {
		refunds = (refunds != null) ? Map.copyOf(refunds) : Map.of();
	}

}
