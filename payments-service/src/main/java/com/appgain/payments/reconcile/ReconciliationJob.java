package com.appgain.payments.reconcile;

import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.mongo.ClusterLock;
import com.appgain.payments.payment.Payment;
import com.appgain.payments.payment.PaymentStatus;
import com.appgain.payments.payment.PaymentTransitions;
import com.appgain.payments.payment.PaymentTransitions.Outcome;
import com.appgain.payments.payment.PaymentTransitions.PaymentRef;
import com.appgain.payments.payment.PaymentTransitions.StatusChange;
import com.appgain.payments.stripe.StripeGateway;
import com.appgain.payments.stripe.StripeIntent;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The blueprint's {@code payment_thread.py}: payments left unsettled (no webhook came, or
 * it was lost) longer than {@code appgain.payments.reconcile.stuck-after} are re-read
 * from Stripe and moved to the status it reports, through the same transitions as the
 * webhooks. Runs on one replica per schedule, under the {@link ClusterLock}.
 */
@Component
class ReconciliationJob {

	static final String LOCK = "payment-reconcile";

	private static final Logger logger = LoggerFactory.getLogger(ReconciliationJob.class);

	private final PaymentTransitions transitions;

	private final StripeGateway stripe;

	private final ClusterLock lock;

	private final ReconcileProperties properties;

	private final Counter corrected;

	ReconciliationJob(PaymentTransitions transitions, StripeGateway stripe, ClusterLock lock,
			ReconcileProperties properties, MeterRegistry meters) {
		this.transitions = transitions;
		this.stripe = stripe;
		this.lock = lock;
		this.properties = properties;
		this.corrected = Counter.builder("appgain.payments.reconciled")
			.description("Payments whose status the reconciliation job corrected from Stripe")
			.register(meters);
	}

	@Scheduled(cron = "${appgain.payments.reconcile.cron:0 */5 * * * *}")
	Mono<Void> scheduled() {
		return run().onErrorResume((ex) -> {
			logger.error("Reconciling payments with Stripe failed", ex);
			return Mono.empty();
		}).then();
	}

	/**
	 * One run: how many payments were corrected, or empty when Stripe is not configured
	 * or another replica holds the lock.
	 */
	Mono<Long> run() {
		if (!this.stripe.isConfigured()) {
			return Mono.empty();
		}
		return this.lock.runExclusively(LOCK, this.properties.lockAtMostFor(), this.properties.lockAtLeastFor(),
				Mono.defer(this::reconcileStuck));
	}

	private Mono<Long> reconcileStuck() {
		Instant now = Instant.now();
		return this.transitions
			.unsettled(now.minus(this.properties.stuckAfter()), now.minus(this.properties.maxAge()),
					this.properties.batchSize())
			.concatMap(this::reconcile)
			.filter(Boolean::booleanValue)
			.count()
			.doOnNext((count) -> logger.atInfo().addKeyValue("corrected", count).log("Payments reconciled"));
	}

	// One payment; a failure is logged and the run goes on with the next.
	private Mono<Boolean> reconcile(Payment payment) {
		return this.stripe.retrievePaymentIntent(payment.stripePaymentIntentId())
			.flatMap((intent) -> this.transitions.apply(PaymentRef.of(payment.id()), statusOf(intent)))
			.flatMap((outcome) -> this.transitions.checked(payment.id()).thenReturn(outcome == Outcome.APPLIED))
			.doOnNext((changed) -> corrected(payment, changed))
			.onErrorResume((ex) -> {
				logger.atWarn()
					.addKeyValue("payment_id", payment.id().toHexString())
					.log("Could not reconcile payment: " + ex.getMessage());
				return Mono.just(false);
			});
	}

	private static StatusChange statusOf(StripeIntent intent) {
		return new StatusChange(PaymentStatus.fromStripe(intent.status(), intent.failureMessage() != null),
				Instant.now(), intent.amountReceived(), intent.failureMessage());
	}

	private void corrected(Payment payment, boolean changed) {
		if (changed) {
			this.corrected.increment();
			logger.atInfo()
				.addKeyValue("payment_id", payment.id().toHexString())
				.addKeyValue("previous_status", payment.status())
				.log("Payment status corrected from Stripe");
		}
	}

}
