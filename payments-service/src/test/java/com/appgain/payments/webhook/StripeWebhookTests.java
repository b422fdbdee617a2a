package com.appgain.payments.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import com.appgain.common.test.Envelopes;
import com.appgain.devstack.stripe.FakeStripe;
import com.appgain.payments.PaymentsServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class StripeWebhookTests extends PaymentsServiceIntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Value("${local.server.port}")
	private int port;

	@Test
	void aSucceededEventMarksThePaymentSucceeded() {
		JsonNode payment = createPayment(newUser(), 3000).get("payment");
		String event = FakeStripe.event("payment_intent.succeeded", stripe.succeed(intentOf(payment)));

		deliver(event).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Event processed")
			.jsonPath("$.status")
			.isEqualTo("success");

		JsonNode paid = getPaymentAsAdmin(payment.get("id").asString());
		assertThat(paid.get("status").asString()).isEqualTo("succeeded");
		assertThat(paid.get("amount_received").asLong()).isEqualTo(3000);
	}

	@Test
	void aFailedEventRecordsWhyAndALaterSuccessWins() {
		JsonNode payment = createPayment(newUser(), 3000).get("payment");
		long now = Instant.now().getEpochSecond();

		deliver(FakeStripe.event("evt_f" + System.nanoTime(), "payment_intent.payment_failed",
				stripe.fail(intentOf(payment), "Your card was declined."), now - 10))
			.expectStatus()
			.isOk();
		JsonNode failed = getPaymentAsAdmin(payment.get("id").asString());
		assertThat(failed.get("status").asString()).isEqualTo("failed");
		assertThat(failed.get("failure_message").asString()).isEqualTo("Your card was declined.");

		deliver(FakeStripe.event("evt_s" + System.nanoTime(), "payment_intent.succeeded",
				stripe.succeed(intentOf(payment)), now))
			.expectStatus()
			.isOk();
		JsonNode paid = getPaymentAsAdmin(payment.get("id").asString());
		assertThat(paid.get("status").asString()).isEqualTo("succeeded");
		assertThat(paid.get("failure_message").isNull()).isTrue();
	}

	@Test
	void aLateProcessingEventNeverOverwritesSucceeded() {
		JsonNode payment = createPayment(newUser(), 3000).get("payment");
		long now = Instant.now().getEpochSecond();
		Map<String, Object> processing = stripe.setStatus(intentOf(payment), "processing");
		Map<String, Object> succeeded = stripe.succeed(intentOf(payment));

		deliver(FakeStripe.event("evt_b" + System.nanoTime(), "payment_intent.succeeded", succeeded, now))
			.expectStatus()
			.isOk();
		deliver(FakeStripe.event("evt_a" + System.nanoTime(), "payment_intent.processing", processing, now - 5))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Event processed; the payment was already further along");

		assertThat(getPaymentAsAdmin(payment.get("id").asString()).get("status").asString()).isEqualTo("succeeded");
	}

	@Test
	void betweenProcessingAndFailedTheNewerEventWins() {
		JsonNode payment = createPayment(newUser(), 3000).get("payment");
		long now = Instant.now().getEpochSecond();
		Map<String, Object> processing = stripe.setStatus(intentOf(payment), "processing");
		Map<String, Object> failed = stripe.fail(intentOf(payment), "Insufficient funds.");

		deliver(FakeStripe.event("evt_2" + System.nanoTime(), "payment_intent.payment_failed", failed, now))
			.expectStatus()
			.isOk();
		deliver(FakeStripe.event("evt_1" + System.nanoTime(), "payment_intent.processing", processing, now - 30))
			.expectStatus()
			.isOk();

		assertThat(getPaymentAsAdmin(payment.get("id").asString()).get("status").asString()).isEqualTo("failed");
	}

	@Test
	void aCanceledPaymentStaysCanceled() {
		JsonNode payment = createPayment(newUser(), 3000).get("payment");

		deliver(FakeStripe.event("payment_intent.canceled", stripe.setStatus(intentOf(payment), "canceled")))
			.expectStatus()
			.isOk();
		deliver(FakeStripe.event("payment_intent.processing", stripe.setStatus(intentOf(payment), "processing")))
			.expectStatus()
			.isOk();

		assertThat(getPaymentAsAdmin(payment.get("id").asString()).get("status").asString()).isEqualTo("canceled");
	}

	@Test
	void aRefundMadeAtStripeIsRecordedFromTheChargeEvent() {
		JsonNode payment = paidPayment(newUser(), 3000);
		Map<String, Object> charge = new java.util.LinkedHashMap<>(stripe.charge(intentOf(payment)));
		charge.put("amount_refunded", 1000L);

		deliver(FakeStripe.event("charge.refunded", charge)).expectStatus().isOk();
		assertThat(getPaymentAsAdmin(payment.get("id").asString()).get("amount_refunded").asLong()).isEqualTo(1000);

		charge.put("amount_refunded", 3000L);
		deliver(FakeStripe.event("charge.refunded", charge)).expectStatus().isOk();
		charge.put("amount_refunded", 1000L);
		deliver(FakeStripe.event("charge.refunded", charge)).expectStatus().isOk();

		JsonNode refunded = getPaymentAsAdmin(payment.get("id").asString());
		assertThat(refunded.get("amount_refunded").asLong()).isEqualTo(3000);
		assertThat(refunded.get("status").asString()).isEqualTo("refunded");
	}

	@Test
	void aRedeliveredEventIsProcessedOnce() {
		JsonNode payment = createPayment(newUser(), 3000).get("payment");
		String event = FakeStripe.event("payment_intent.succeeded", stripe.succeed(intentOf(payment)));
		double before = count("payment_intent.succeeded", "duplicate");
		double succeededBefore = succeededCount();

		deliver(event).expectStatus().isOk().expectBody().jsonPath("$.message").isEqualTo("Event processed");
		deliver(event).expectStatus().isOk().expectBody().jsonPath("$.message").isEqualTo("Event already processed");

		assertThat(count("payment_intent.succeeded", "duplicate") - before).isEqualTo(1);
		assertThat(succeededCount() - succeededBefore).isEqualTo(1);
		assertThat(this.mongo.count(new Query(), "webhook_events").block()).isOne();
	}

	@Test
	void concurrentDeliveriesOfOneEventAreProcessedOnce() {
		JsonNode payment = createPayment(newUser(), 3000).get("payment");
		String event = FakeStripe.event("payment_intent.succeeded", stripe.succeed(intentOf(payment)));
		String signature = FakeStripe.signature(event);
		double processedBefore = count("payment_intent.succeeded", "processed");

		List<Integer> statuses = Flux.range(0, 6)
			.flatMap(
					(i) -> WebClient.create("http://localhost:" + this.port)
						.post()
						.uri(WEBHOOK)
						.contentType(MediaType.APPLICATION_JSON)
						.header("Stripe-Signature", signature)
						.bodyValue(event)
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					6)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(statuses).containsOnly(200);
		assertThat(count("payment_intent.succeeded", "processed") - processedBefore).isEqualTo(1);
	}

	@Test
	void aForgedSignatureIsRejectedAndChangesNothing() {
		JsonNode payment = createPayment(newUser(), 3000).get("payment");
		String event = FakeStripe.event("payment_intent.succeeded", stripe.succeed(intentOf(payment)));

		Envelopes.expectFailure(
				deliver(event, FakeStripe.signature(event, Instant.now().getEpochSecond(), "whsec_someone_else")), 400,
				"bad_request");

		assertUnchanged(payment);
	}

	@Test
	void aTamperedPayloadIsRejected() {
		JsonNode payment = createPayment(newUser(), 3000).get("payment");
		String event = FakeStripe.event("payment_intent.succeeded", stripe.succeed(intentOf(payment)));
		String signature = FakeStripe.signature(event);

		Envelopes.expectFailure(deliver(event.replace("\"amount\":3000", "\"amount\":3001"), signature), 400,
				"bad_request");
		Envelopes.expectFailure(deliver(event + " ", signature), 400, "bad_request");

		assertUnchanged(payment);
	}

	@Test
	void aStaleSignatureIsRejected() {
		JsonNode payment = createPayment(newUser(), 3000).get("payment");
		String event = FakeStripe.event("payment_intent.succeeded", stripe.succeed(intentOf(payment)));
		long tooOld = Instant.now().getEpochSecond() - 301;

		Envelopes.expectFailure(deliver(event, FakeStripe.signature(event, tooOld, FakeStripe.WEBHOOK_SECRET)), 400,
				"bad_request");

		assertUnchanged(payment);
	}

	@Test
	void aSignatureWithinTheToleranceIsAccepted() {
		JsonNode payment = createPayment(newUser(), 3000).get("payment");
		String event = FakeStripe.event("payment_intent.succeeded", stripe.succeed(intentOf(payment)));
		long recent = Instant.now().getEpochSecond() - 240;

		deliver(event, FakeStripe.signature(event, recent, FakeStripe.WEBHOOK_SECRET)).expectStatus().isOk();
	}

	@Test
	void aMissingSignatureOrGarbageIsRejected() {
		Envelopes.expectFailure(
				this.http.post().uri(WEBHOOK).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), 400,
				"bad_request");
		Envelopes.expectFailure(deliver("not json at all", FakeStripe.signature("not json at all")), 400,
				"bad_request");
		Envelopes.expectFailure(deliver("[]", FakeStripe.signature("[]")), 400, "bad_request");
		Envelopes.expectFailure(deliver("{\"created\": \"x\"}", "t=1,v1=abc"), 400, "bad_request");
		Envelopes.expectFailure(deliver("{}", "t=1,v1=abc"), 400, "bad_request");
		assertThat(this.mongo.count(new Query(), "webhook_events").block()).isZero();
	}

	@Test
	void unknownEventTypesAreAcknowledgedAndIgnored() {
		deliver(FakeStripe.event("customer.created", Map.of("id", "cus_x", "object", "customer"))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Event type ignored");
	}

	@Test
	void anEventForAPaymentOfAnotherSystemIsAcknowledged() {
		Map<String, Object> foreign = Map.of("id", "pi_foreign", "object", "payment_intent", "status", "succeeded",
				"amount", 100, "metadata", Map.of());

		deliver(FakeStripe.event("payment_intent.succeeded", foreign)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Event ignored: no payment of this service matches it");
	}

	private void assertUnchanged(JsonNode payment) {
		JsonNode now = getPaymentAsAdmin(payment.get("id").asString());
		assertThat(now.get("status").asString()).isEqualTo("requires_payment_method");
		assertThat(now.get("updated_at")).isEqualTo(payment.get("updated_at"));
		assertThat(this.mongo.count(new Query(), "webhook_events").block()).isZero();
	}

	private double count(String type, String outcome) {
		var counter = this.meters.find("appgain.payments.webhook.events")
			.tags("type", type, "outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double succeededCount() {
		var counter = this.meters.find("appgain.payments.lifecycle")
			.tags("event", "succeeded", "currency", "usd")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String intentOf(JsonNode payment) {
		return payment.get("stripe_payment_intent_id").asString();
	}

}
