package com.appgain.payments;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import com.appgain.devstack.stripe.FakeStripe;
import com.appgain.common.test.FixtureProperties;
import com.appgain.common.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one application context every integration test shares: the whole service on a
 * random port, on the MongoDB and Redis fixtures of common-test, verifying tokens with
 * {@code TestKeys}, stripe-java pointed at {@link FakeStripe}, users-service faked by
 * {@link FakeUsers} (found through the simple discovery client), Eureka and the scheduler
 * off. Each test starts from empty collections; the fakes keep their state, so tests use
 * fresh user ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "appgain.payments.reconcile.cron=-",
				"appgain.payments.reconcile.lock-at-least-for=0s", "appgain.payments.stripe.read-timeout=5s",
				"appgain.payments.idempotency.wait-for-concurrent=3s" })
// patient on a loaded machine: a context's first payment (Stripe customer, users-service
// look-up, index readiness) can take longer than the client's default 5 s
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class PaymentsServiceIntegrationTest {

	protected static final String PAYMENTS = "/api/payments";

	protected static final String WEBHOOK = "/api/payments/webhooks/stripe";

	protected static final FakeStripe stripe = FakeStripe.start();

	protected static final FakeUsers users = FakeUsers.create();

	@Autowired
	protected WebTestClient http;

	@Autowired
	protected ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void fixtures(DynamicPropertyRegistry registry) {
		FixtureProperties.register(registry, "payments");
		FixtureProperties.registerTestKey(registry);
		registry.add("appgain.payments.stripe.api-key", () -> FakeStripe.API_KEY);
		registry.add("appgain.payments.stripe.api-base", stripe::baseUrl);
		registry.add("appgain.payments.stripe.webhook-secret", () -> FakeStripe.WEBHOOK_SECRET);
		registry.add("spring.cloud.discovery.client.simple.instances.users[0].uri", users::uri);
	}

	@BeforeEach
	void startFromNothing() {
		users.start();
		stripe.delayPaymentIntentCreation(Duration.ZERO);
		for (String collection : new String[] { "payments", "customers", "webhook_events", "locks" }) {
			this.mongo.remove(new Query(), collection).block();
		}
	}

	protected static String newUser() {
		return TestTokens.newUserId();
	}

	protected static String newKey() {
		return "key-" + System.nanoTime();
	}

	protected WebTestClient.ResponseSpec postPayment(String token, String key, String json) {
		WebTestClient.RequestBodySpec request = this.http.post()
			.uri(PAYMENTS)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.contentType(MediaType.APPLICATION_JSON);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return request.bodyValue(json).exchange();
	}

	/** Expects a payment to have been created and returns the whole response body. */
	protected static JsonNode created(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	/** Creates a payment as {@code userId} and returns the whole response body. */
	protected JsonNode createPayment(String userId, long amount) {
		return created(postPayment(TestTokens.user(userId), newKey(),
				"{\"amount\": " + amount + ", \"currency\": \"usd\", \"description\": \"Test order\"}"));
	}

	/** Creates a payment as {@code userId} and has the customer pay it at Stripe. */
	protected JsonNode paidPayment(String userId, long amount) {
		JsonNode payment = createPayment(userId, amount).get("payment");
		String intentId = payment.get("stripe_payment_intent_id").asString();
		deliver(FakeStripe.event("payment_intent.succeeded", stripe.succeed(intentId))).expectStatus().isOk();
		return payment;
	}

	protected WebTestClient.ResponseSpec deliver(String payload) {
		return deliver(payload, FakeStripe.signature(payload));
	}

	protected WebTestClient.ResponseSpec deliver(String payload, String signature) {
		return this.http.post()
			.uri(WEBHOOK)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", signature)
			.bodyValue(payload)
			.exchange();
	}

	protected JsonNode getPayment(String token, String paymentId) {
		return this.http.get()
			.uri(PAYMENTS + "/{id}", paymentId)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("payment");
	}

	protected JsonNode getPaymentAsAdmin(String paymentId) {
		return getPayment(TestTokens.admin(newUser()), paymentId);
	}

}
