package com.appgain.payments.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import com.appgain.common.api.mongo.ClusterLock;
import com.appgain.payments.PaymentsServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTests extends PaymentsServiceIntegrationTest {

	@Autowired
	private ReconciliationJob job;

	@Autowired
	private ClusterLock lock;

	@Test
	void aPaymentWhoseWebhookNeverCameIsCorrectedFromStripe() {
		JsonNode payment = createPayment(newUser(), 1800).get("payment");
		stripe.succeed(payment.get("stripe_payment_intent_id").asString());
		lastHeardOf(payment, Duration.ofHours(1));

		StepVerifier.create(this.job.run()).expectNext(1L).verifyComplete();

		JsonNode fixed = getPaymentAsAdmin(payment.get("id").asString());
		assertThat(fixed.get("status").asString()).isEqualTo("succeeded");
		assertThat(fixed.get("amount_received").asLong()).isEqualTo(1800);
	}

	@Test
	void aDeclinedPaymentIsCorrectedToFailed() {
		JsonNode payment = createPayment(newUser(), 1800).get("payment");
		stripe.fail(payment.get("stripe_payment_intent_id").asString(), "Your card was declined.");
		lastHeardOf(payment, Duration.ofHours(1));

		StepVerifier.create(this.job.run()).expectNext(1L).verifyComplete();

		assertThat(getPaymentAsAdmin(payment.get("id").asString()).get("status").asString()).isEqualTo("failed");
	}

	@Test
	void recentlyUpdatedPaymentsAreLeftAlone() {
		JsonNode payment = createPayment(newUser(), 1800).get("payment");
		stripe.succeed(payment.get("stripe_payment_intent_id").asString());
		int retrievals = stripe.requests("GET /v1/payment_intents/{id}");

		StepVerifier.create(this.job.run()).expectNext(0L).verifyComplete();

		assertThat(stripe.requests("GET /v1/payment_intents/{id}")).isEqualTo(retrievals);
		assertThat(getPaymentAsAdmin(payment.get("id").asString()).get("status").asString())
			.isEqualTo("requires_payment_method");
	}

	@Test
	void aPaymentStillUnsettledAtStripeIsReadAgainOnlyAfterAnotherWait() {
		JsonNode payment = createPayment(newUser(), 1800).get("payment");
		lastHeardOf(payment, Duration.ofHours(1));
		int retrievals = stripe.requests("GET /v1/payment_intents/{id}");

		StepVerifier.create(this.job.run()).expectNext(0L).verifyComplete();
		StepVerifier.create(this.job.run()).expectNext(0L).verifyComplete();

		assertThat(stripe.requests("GET /v1/payment_intents/{id}")).isEqualTo(retrievals + 1);
	}

	@Test
	void settledPaymentsAreNeverReadAgain() {
		JsonNode payment = paidPayment(newUser(), 1800);
		lastHeardOf(payment, Duration.ofHours(1));
		int retrievals = stripe.requests("GET /v1/payment_intents/{id}");

		StepVerifier.create(this.job.run()).expectNext(0L).verifyComplete();

		assertThat(stripe.requests("GET /v1/payment_intents/{id}")).isEqualTo(retrievals);
	}

	@Test
	void theJobDoesNothingWhileAnotherReplicaHoldsTheLock() {
		JsonNode payment = createPayment(newUser(), 1800).get("payment");
		stripe.succeed(payment.get("stripe_payment_intent_id").asString());
		lastHeardOf(payment, Duration.ofHours(1));

		StepVerifier
			.create(this.lock.runExclusively(ReconciliationJob.LOCK, Duration.ofMinutes(1), Duration.ZERO,
					Mono.defer(this.job::run)))
			.verifyComplete();

		assertThat(getPaymentAsAdmin(payment.get("id").asString()).get("status").asString())
			.isEqualTo("requires_payment_method");
	}

	private void lastHeardOf(JsonNode payment, Duration ago) {
		Date then = Date.from(Instant.now().minus(ago));
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(payment.get("id").asString()))),
					new Update().set("checked_at", then).set("updated_at", then), "payments")
			.block();
	}

}
