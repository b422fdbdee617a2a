package com.appgain.payments.payment;

import java.time.Instant;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Moves payments through their states on what Stripe says (webhooks, the reconciliation
 * job, API answers). Every change is one conditional update on the current status (see
 * {@link PaymentStatus}), so concurrent and out-of-order news converge without locks.
 */
@Component
public class PaymentTransitions {

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final ReactiveMongoTemplate mongo;

	private final PaymentMetrics metrics;

	PaymentTransitions(ReactiveMongoTemplate mongo, PaymentMetrics metrics) {
		this.mongo = mongo;
		this.metrics = metrics;
	}

	/** Sets the status unless the payment already is in a later one. */
	public Mono<Outcome> apply(PaymentRef ref, StatusChange change) {
		Query replaceable = Query.query(ref.criteria()
			.orOperator(Criteria.where(Payment.STATUS).in(change.status().outranks()),
					Criteria.where(Payment.STATUS)
						.in(change.status().supersedesWhenNewer())
						.and(Payment.STATUS_AT)
						.lt(change.at())));
		return this.mongo.findAndModify(replaceable, change.update(), RETURN_NEW, Payment.class)
			.doOnNext((payment) -> this.metrics.statusChanged(change.status(), payment.currency()))
			.map((payment) -> Outcome.APPLIED)
			.switchIfEmpty(Mono.defer(() -> exists(ref)));
	}

	/**
	 * Raises the refunded amount to Stripe's cumulative figure (never lowers it: news of
	 * an older refund may come last); a payment refunded in full becomes
	 * {@code refunded}. Empty if there is no such payment.
	 */
	public Mono<Payment> refunded(PaymentRef ref, long cumulativeRefunded) {
		Instant now = Payment.now();
		Update raise = new Update().max(Payment.REFUNDED, cumulativeRefunded)
			.set(Payment.UPDATED_AT, now)
			.set(Payment.CHECKED_AT, now);
		return this.mongo.findAndModify(Query.query(ref.criteria()), raise, RETURN_NEW, Payment.class)
			.flatMap((payment) -> (payment.amountRefunded() >= payment.captured()) ? markRefunded(payment)
					: Mono.just(payment));
	}

	/**
	 * Payments that are not settled and have had no news from Stripe since
	 * {@code checkedBefore}, the least recently checked first; older ones than
	 * {@code createdAfter} are left alone.
	 */
	public Flux<Payment> unsettled(Instant checkedBefore, Instant createdAfter, int limit) {
		Query stuck = Query
			.query(Criteria.where(Payment.STATUS)
				.in(PaymentStatus.unsettled())
				.and(Payment.CHECKED_AT)
				.lt(checkedBefore)
				.and(Payment.CREATED_AT)
				.gt(createdAfter)
				.and(Payment.INTENT)
				.ne(null))
			.with(Sort.by(Sort.Direction.ASC, "checkedAt"))
			.limit(limit);
		return this.mongo.find(stuck, Payment.class);
	}

	/** Notes that Stripe was asked and confirmed the current status. */
	public Mono<Void> checked(ObjectId id) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set(Payment.CHECKED_AT, Payment.now()),
					Payment.class)
			.then();
	}

	private Mono<Payment> markRefunded(Payment payment) {
		Query succeeded = Query
			.query(Criteria.where("_id").is(payment.id()).and(Payment.STATUS).is(PaymentStatus.SUCCEEDED.value()));
		Instant now = Payment.now();
		Update refunded = new Update().set(Payment.STATUS, PaymentStatus.REFUNDED.value())
			.set(Payment.STATUS_AT, now)
			.set(Payment.UPDATED_AT, now);
		return this.mongo.findAndModify(succeeded, refunded, RETURN_NEW, Payment.class)
			.switchIfEmpty(Mono.just(payment));
	}

	private Mono<Outcome> exists(PaymentRef ref) {
		return this.mongo.exists(Query.query(ref.criteria()), Payment.class)
			.map((exists) -> exists ? Outcome.STALE : Outcome.NO_PAYMENT);
	}

	/** What became of a status change. */
	public enum Outcome {

		/** The payment took the new status. */
		APPLIED,

		/** The payment already was in that or a later status: nothing changed. */
		STALE,

		/** No payment matches: not made through this service. */
		NO_PAYMENT

	}

	/**
	 * The payment a Stripe object is about: by the payment id in its metadata when there
	 * is one, else by the PaymentIntent id.
	 *
	 * @param id the payment id, or {@code null}
	 * @param paymentIntentId {@code pi_...}
	 */
	public record PaymentRef(ObjectId id, String paymentIntentId) {

		public static PaymentRef of(String metadataPaymentId, String paymentIntentId) {
			ObjectId id = (metadataPaymentId != null && ObjectId.isValid(metadataPaymentId))
					? new ObjectId(metadataPaymentId) : null;
			return new PaymentRef(id, paymentIntentId);
		}

		public static PaymentRef of(ObjectId id) {
			return new PaymentRef(id, null);
		}

		Criteria criteria() {
			return (this.id != null) ? Criteria.where("_id").is(this.id)
					: Criteria.where(Payment.INTENT).is(this.paymentIntentId);
		}

	}

	/**
	 * A status Stripe reported.
	 *
	 * @param status the new status
	 * @param at when Stripe reported it (the event's creation time)
	 * @param amountReceived minor units captured, 0 if unknown
	 * @param failureMessage the payment error, for {@link PaymentStatus#FAILED}
	 */
	public record StatusChange(PaymentStatus status, Instant at, long amountReceived, String failureMessage) {

		Update update() {
			Update update = new Update().set(Payment.STATUS, this.status.value())
				.set(Payment.STATUS_AT, this.at)
				.set(Payment.UPDATED_AT, Payment.now())
				.set(Payment.CHECKED_AT, Payment.now());
			if (this.amountReceived > 0) {
				update.set("amount_received", this.amountReceived);
			}
			if (this.status == PaymentStatus.FAILED) {
				update.set("failure_message", this.failureMessage);
			}
			if (this.status == PaymentStatus.SUCCEEDED) {
				update.unset("failure_message");
			}
			return update;
		}

	}

}
