package com.appgain.payments.payment;

import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.payments.payment.PaymentTransitions.PaymentRef;
import com.appgain.payments.stripe.PaymentProviderException;
import com.appgain.payments.stripe.StripeGateway;
import com.appgain.payments.stripe.StripeRefund;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Refunds, full or partial, never more than was captured. A refund first reserves its
 * amount on the payment (a conditional update on the reserved total, so concurrent
 * refunds cannot together exceed it) under its idempotency key, then asks Stripe with a
 * Stripe idempotency key derived from it. The same key returns the same refund; a refund
 * whose Stripe call failed on the network is finished by a retry with the same key.
 */
@Service
class PaymentRefunds {

	private static final Logger logger = LoggerFactory.getLogger(PaymentRefunds.class);

	private static final int ATTEMPTS = 5;

	private final ReactiveMongoTemplate mongo;

	private final StripeGateway stripe;

	private final PaymentTransitions transitions;

	private final PaymentMetrics metrics;

	PaymentRefunds(ReactiveMongoTemplate mongo, StripeGateway stripe, PaymentTransitions transitions,
			PaymentMetrics metrics) {
		this.mongo = mongo;
		this.stripe = stripe;
		this.transitions = transitions;
		this.metrics = metrics;
	}

	/**
	 * Refunds {@code amount} ({@code null}: all that is left). Without a key, the key is
	 * derived from the amount: asking twice for the same amount is one refund.
	 */
	Mono<RefundResult> refund(ObjectId paymentId, Long amount, String key) {
		String refundKey = (key != null) ? key : "derived:" + ((amount != null) ? amount : "rest");
		return this.stripe.requireConfigured().then(Mono.defer(() -> attempt(paymentId, amount, refundKey, 1)));
	}

	private Mono<RefundResult> attempt(ObjectId paymentId, Long amount, String key, int attempt) {
		return this.mongo.findById(paymentId, Payment.class)
			.filter(Payment::isCreated)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Payment")))
			.flatMap((payment) -> payment.refund(key)
				.map((existing) -> resume(payment, existing, amount))
				.orElseGet(() -> reserve(payment, amount, key, attempt)));
	}

	private Mono<RefundResult> resume(Payment payment, RefundEntry existing, Long amount) {
		if (amount != null && amount != existing.amount()) {
			return Mono.error(ApiException
				.conflict("This Idempotency-Key was already used for a refund of a different amount; use a new key"));
		}
		return existing.isRequested() ? submit(payment, existing)
				: Mono.just(new RefundResult(payment, existing, true));
	}

	private Mono<RefundResult> reserve(Payment payment, Long requested, String key, int attempt) {
		RefundEntry refund = RefundEntry.requested(key, amountToRefund(payment, requested));
		String entry = Payment.REFUNDS + "." + refund.id();
		Query unchanged = Query.query(Criteria.where("_id")
			.is(payment.id())
			.and(Payment.STATUS)
			.is(PaymentStatus.SUCCEEDED.value())
			.and(Payment.RESERVED)
			.is(payment.refundReserved())
			.and(entry)
			.exists(false));
		Update reserve = new Update().inc(Payment.RESERVED, refund.amount())
			.set(entry, refund)
			.set(Payment.UPDATED_AT, Payment.now());
		return this.mongo.updateFirst(unchanged, reserve, Payment.class).flatMap((result) -> {
			if (result.getModifiedCount() > 0) {
				return submit(payment, refund);
			}
			if (attempt < ATTEMPTS) {
				return attempt(payment.id(), requested, key, attempt + 1);
			}
			return Mono.error(ApiException.conflict("The payment changed concurrently; retry the refund"));
		});
	}

	private static long amountToRefund(Payment payment, Long requested) {
		if (payment.paymentStatus() != PaymentStatus.SUCCEEDED) {
			throw (payment.paymentStatus() == PaymentStatus.REFUNDED)
					? ApiException.conflict("The payment is already refunded in full") : ApiException
						.conflict("Only a succeeded payment can be refunded; this one is " + payment.status());
		}
		long refundable = payment.captured() - payment.refundReserved();
		if (refundable <= 0) {
			throw ApiException.conflict("The payment is already refunded in full");
		}
		long amount = (requested != null) ? requested : refundable;
		if (amount > refundable) {
			throw ApiException.invalid("Refund amount is larger than what can be refunded",
					List.of(new ApiException.FieldError("/amount",
							"amount must be at most " + refundable + " (captured " + payment.captured()
									+ ", already refunded or reserved " + payment.refundReserved() + ")")));
		}
		return amount;
	}

	private Mono<RefundResult> submit(Payment payment, RefundEntry refund) {
		String stripeKey = "refund-" + payment.id().toHexString() + "-" + refund.id();
		return this.stripe
			.createRefund(payment.stripePaymentIntentId(), refund.amount(),
					Map.of("payment_id", payment.id().toHexString()), stripeKey)
			.onErrorResume(PaymentProviderException.class, (ex) -> release(payment, refund, ex))
			.flatMap((accepted) -> confirm(payment, refund, accepted));
	}

	private Mono<RefundResult> confirm(Payment payment, RefundEntry refund, StripeRefund accepted) {
		String entry = Payment.REFUNDS + "." + refund.id();
		Query requested = stillRequested(payment, refund);
		Update confirmed = new Update().set(entry + "." + RefundEntry.STATUS, accepted.status())
			.set(entry + ".stripe_refund_id", accepted.id())
			.set(Payment.UPDATED_AT, Payment.now());
		return this.mongo
			.findAndModify(requested, confirmed, FindAndModifyOptions.options().returnNew(true), Payment.class)
			.doOnNext((updated) -> recorded(updated, refund, accepted))
			.switchIfEmpty(Mono.defer(() -> this.mongo.findById(payment.id(), Payment.class)))
			.flatMap((updated) -> this.transitions.refunded(PaymentRef.of(updated.id()), updated.confirmedRefunds()))
			.map((updated) -> new RefundResult(updated, updated.refund(refund.idempotencyKey()).orElseThrow(), false));
	}

	/**
	 * Stripe refused: the reservation is given back and the key freed. A network failure
	 * keeps both, for a retry with the same key to finish.
	 */
	private <T> Mono<T> release(Payment payment, RefundEntry refund, PaymentProviderException failure) {
		if (failure.retryable()) {
			return Mono.error(failure);
		}
		Update release = new Update().inc(Payment.RESERVED, -refund.amount())
			.unset(Payment.REFUNDS + "." + refund.id())
			.set(Payment.UPDATED_AT, Payment.now());
		return this.mongo.updateFirst(stillRequested(payment, refund), release, Payment.class)
			.then(Mono.error(failure));
	}

	private static Query stillRequested(Payment payment, RefundEntry refund) {
		return Query.query(Criteria.where("_id")
			.is(payment.id())
			.and(Payment.REFUNDS + "." + refund.id() + "." + RefundEntry.STATUS)
			.is(RefundEntry.REQUESTED));
	}

	private void recorded(Payment payment, RefundEntry refund, StripeRefund accepted) {
		this.metrics.refunded(payment, refund);
		logger.atInfo()
			.addKeyValue("payment_id", payment.id().toHexString())
			.addKeyValue("stripe_refund_id", accepted.id())
			.addKeyValue("amount", refund.amount())
			.log("Refund accepted by Stripe");
	}

	/**
	 * The outcome of a refund request.
	 *
	 * @param payment the payment after the refund
	 * @param refund the refund
	 * @param replayed whether an earlier request with the same key made it
	 */
	record RefundResult(Payment payment, RefundEntry refund, boolean replayed) {
	}

}
