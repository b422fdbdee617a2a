package com.appgain.payments.payment;

import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.security.AuthenticatedUser;
import com.appgain.common.api.store.MongoErrors;
import com.appgain.payments.customer.CustomerService;
import com.appgain.payments.payment.PaymentTransitions.PaymentRef;
import com.appgain.payments.payment.PaymentTransitions.StatusChange;
import com.appgain.payments.stripe.NewPaymentIntent;
import com.appgain.payments.stripe.PaymentProviderException;
import com.appgain.payments.stripe.StripeGateway;
import com.appgain.payments.stripe.StripeIntent;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Creates payments exactly once per {@code (user, Idempotency-Key)}. The key is claimed
 * first (an insert against a unique index, carrying a hash of the body, and a lease);
 * only the request that claimed it calls Stripe, with the Stripe idempotency key
 * {@code payment-<payment id>}. A request that finds the key claimed replays the payment
 * once it is created, waits a little while it is being created, answers 409 if the body
 * differs, and takes the creation over if the claimer's lease ran out.
 */
@Service
class PaymentCreation {

	private static final Logger logger = LoggerFactory.getLogger(PaymentCreation.class);

	private final ReactiveMongoTemplate mongo;

	private final StripeGateway stripe;

	private final CustomerService customers;

	private final PaymentTransitions transitions;

	private final PaymentIndexes indexes;

	private final PaymentMetrics metrics;

	private final PaymentProperties.Idempotency settings;

	PaymentCreation(ReactiveMongoTemplate mongo, StripeGateway stripe, CustomerService customers,
			PaymentTransitions transitions, PaymentIndexes indexes, PaymentMetrics metrics,
			PaymentProperties properties) {
		this.mongo = mongo;
		this.stripe = stripe;
		this.customers = customers;
		this.transitions = transitions;
		this.indexes = indexes;
		this.metrics = metrics;
		this.settings = properties.idempotency();
	}

	Mono<CreatedPayment> create(NewPayment request, String key, AuthenticatedUser user) {
		return this.stripe.requireConfigured()
			.then(Mono.defer(() -> this.indexes.ready()))
			.then(Mono.defer(() -> find(user.id(), key)))
			.flatMap((existing) -> resume(existing, request))
			.switchIfEmpty(Mono.defer(() -> createNew(request, key, user)));
	}

	private Mono<CreatedPayment> createNew(NewPayment request, String key, AuthenticatedUser user) {
		return this.customers.customerIdOf(user)
			.map((customerId) -> Payment.claim(request, key, user.id(), customerId, leaseEnd()))
			.flatMap(this.mongo::insert)
			.flatMap(this::createAtStripe)
			.onErrorResume(MongoErrors::isDuplicateKey,
					(ex) -> find(user.id(), key).switchIfEmpty(Mono.error(PaymentCreation::concurrentFailure))
						.flatMap((existing) -> resume(existing, request)));
	}

	private Mono<CreatedPayment> resume(Payment existing, NewPayment request) {
		if (!existing.requestHash().equals(request.hash())) {
			return Mono.error(ApiException
				.conflict("This Idempotency-Key was already used with a different request body; use a new key"));
		}
		if (existing.isCreated()) {
			return replay(existing);
		}
		return existing.leaseExpired() ? takeOver(existing) : waitForCreation(existing);
	}

	// Another request holds the claim: wait until it created the payment, or gave up.
	private Mono<CreatedPayment> waitForCreation(Payment claimed) {
		long polls = Math.max(1,
				this.settings.waitForConcurrent().toMillis() / this.settings.pollInterval().toMillis());
		return Mono.defer(() -> this.mongo.findById(claimed.id(), Payment.class))
			.switchIfEmpty(Mono.error(PaymentCreation::concurrentFailure))
			.filter((payment) -> payment.isCreated() || payment.leaseExpired())
			.repeatWhenEmpty((attempts) -> attempts.take(polls).delayElements(this.settings.pollInterval()))
			.switchIfEmpty(Mono.error(() -> ApiException
				.conflict("A request with this Idempotency-Key is still in progress; retry in a few seconds")))
			.flatMap((payment) -> payment.isCreated() ? replay(payment) : takeOver(payment));
	}

	// The claimer's lease ran out (it failed on the network, or its replica died).
	private Mono<CreatedPayment> takeOver(Payment claimed) {
		Criteria unchanged = Criteria.where("_id").is(claimed.id()).and(Payment.INTENT).is(null);
		unchanged = (claimed.leaseUntil() != null) ? unchanged.and(Payment.LEASE).is(claimed.leaseUntil())
				: unchanged.and(Payment.LEASE).is(null);
		return this.mongo
			.findAndModify(Query.query(unchanged), new Update().set(Payment.LEASE, leaseEnd()),
					FindAndModifyOptions.options().returnNew(true), Payment.class)
			.flatMap(this::createAtStripe)
			.switchIfEmpty(Mono.defer(() -> waitForCreation(claimed)));
	}

	private Mono<CreatedPayment> createAtStripe(Payment claimed) {
		NewPaymentIntent intent = new NewPaymentIntent(claimed.amount(), claimed.currency(), claimed.description(),
				claimed.stripeCustomerId(),
				Map.of("user_id", claimed.userId(), "payment_id", claimed.id().toHexString()));
		return this.stripe.createPaymentIntent(intent, "payment-" + claimed.id().toHexString())
			.onErrorResume(PaymentProviderException.class, (ex) -> abandon(claimed, ex))
			.flatMap((created) -> record(claimed, created));
	}

	private Mono<CreatedPayment> record(Payment claimed, StripeIntent intent) {
		// a request that took over after our slow Stripe call may record it first
		Query notRecorded = Query.query(Criteria.where("_id").is(claimed.id()).and(Payment.INTENT).is(null));
		Update created = new Update().set(Payment.INTENT, intent.id())
			.set("stripe_customer_id", intent.customer())
			.unset(Payment.LEASE)
			.set(Payment.UPDATED_AT, Payment.now());
		StatusChange status = new StatusChange(
				PaymentStatus.fromStripe(intent.status(), intent.failureMessage() != null), Payment.now(),
				intent.amountReceived(), intent.failureMessage());
		return this.mongo.updateFirst(notRecorded, created, Payment.class)
			.flatMap((result) -> this.transitions.apply(PaymentRef.of(claimed.id()), status)
				.then(this.mongo.findById(claimed.id(), Payment.class))
				.doOnNext((payment) -> recorded(payment, result.getModifiedCount() > 0)))
			.map((payment) -> new CreatedPayment(payment, intent.clientSecret(), false));
	}

	/**
	 * Stripe failed. On the network or in an outage the claim stays and its lease ends
	 * now, so that a retry takes over with the same Stripe idempotency key (no second
	 * PaymentIntent); a refusal removes the claim, so nothing half-created remains.
	 */
	private <T> Mono<T> abandon(Payment claimed, PaymentProviderException failure) {
		Query stillClaimed = Query.query(Criteria.where("_id").is(claimed.id()).and(Payment.INTENT).is(null));
		Mono<?> cleanUp = failure.retryable()
				? this.mongo.updateFirst(stillClaimed, new Update().set(Payment.LEASE, Instant.EPOCH), Payment.class)
				: this.mongo.remove(stillClaimed, Payment.class);
		return cleanUp.then(Mono.error(failure));
	}

	// Same key, same body: the same payment, with a client secret read back from Stripe.
	private Mono<CreatedPayment> replay(Payment payment) {
		return this.stripe.retrievePaymentIntent(payment.stripePaymentIntentId())
			.map((intent) -> new CreatedPayment(payment, intent.clientSecret(), true));
	}

	private Mono<Payment> find(String userId, String key) {
		return this.mongo.findOne(Query.query(Criteria.where(Payment.USER_ID).is(userId).and(Payment.KEY).is(key)),
				Payment.class);
	}

	private Instant leaseEnd() {
		return Payment.now().plus(this.settings.lease());
	}

	private void recorded(Payment payment, boolean first) {
		if (!first) {
			return;
		}
		this.metrics.created(payment);
		logger.atInfo()
			.addKeyValue("payment_id", payment.id().toHexString())
			.addKeyValue("user_id", payment.userId())
			.addKeyValue("stripe_payment_intent_id", payment.stripePaymentIntentId())
			.addKeyValue("amount", payment.amount())
			.addKeyValue("currency", payment.currency())
			.log("Payment created");
	}

	private static ApiException concurrentFailure() {
		return ApiException.conflict("A concurrent request with this Idempotency-Key failed; retry the request");
	}

	/**
	 * The outcome of a create request.
	 *
	 * @param payment the payment
	 * @param clientSecret what the client confirms the payment with at Stripe
	 * @param replayed whether an earlier request with the same key created it
	 */
	record CreatedPayment(Payment payment, String clientSecret, boolean replayed) {
	}

}
