package com.appgain.devstack.stripe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The stand-in as stripe-java and a webhook endpoint see it: confirming with Stripe's
 * test cards, and every change delivered as an event whose signature stripe-java accepts.
 */
class FakeStripeTests {

	private static final String SECRET = "whsec_generated_for_this_test";

	private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

	// the endpoint answers 500 to this many deliveries first, as a service still starting
	private final AtomicInteger refusals = new AtomicInteger();

	private HttpServer endpoint;

	private FakeStripe stripe;

	private StripeClient client;

	@BeforeEach
	void start() throws IOException {
		this.endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		this.endpoint.createContext("/webhooks", (exchange) -> {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				boolean refuse = this.refusals.getAndDecrement() > 0;
				if (!refuse) {
					this.deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("Stripe-Signature")));
				}
				exchange.sendResponseHeaders(refuse ? 500 : 200, -1);
			}
		});
		this.endpoint.start();
		this.stripe = FakeStripe.start(0, "sk_test_generated", SECRET);
		this.stripe
			.deliverWebhooksTo(URI.create("http://127.0.0.1:" + this.endpoint.getAddress().getPort() + "/webhooks"));
		this.client = StripeClient.builder()
			.setApiKey("sk_test_generated")
			.setApiBase(this.stripe.baseUrl())
			.setMaxNetworkRetries(0)
			.build();
	}

	@AfterEach
	void stop() {
		this.stripe.stop();
		this.endpoint.stop(0);
	}

	@Test
	void aVisaTestCardSucceedsAndTheSignedEventArrives() throws Exception {
		PaymentIntent intent = newIntent();

		PaymentIntent confirmed = this.client.v1().paymentIntents().confirm(intent.getId(), with("pm_card_visa"));

		assertThat(confirmed.getStatus()).isEqualTo("succeeded");
		Event event = nextEvent();
		assertThat(event.getType()).isEqualTo("payment_intent.succeeded");
		PaymentIntent delivered = (PaymentIntent) event.getDataObjectDeserializer().deserializeUnsafe();
		assertThat(delivered.getId()).isEqualTo(intent.getId());
		assertThat(delivered.getAmountReceived()).isEqualTo(2000L);
	}

	@Test
	void aDeclinedTestCardIsACardErrorAndAPaymentFailedEvent() throws Exception {
		PaymentIntent intent = newIntent();

		assertThatExceptionOfType(CardException.class)
			.isThrownBy(() -> this.client.v1().paymentIntents().confirm(intent.getId(), with("pm_card_chargeDeclined")))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("card_declined"));

		Event event = nextEvent();
		assertThat(event.getType()).isEqualTo("payment_intent.payment_failed");
		PaymentIntent delivered = (PaymentIntent) event.getDataObjectDeserializer().deserializeUnsafe();
		assertThat(delivered.getStatus()).isEqualTo("requires_payment_method");
		assertThat(delivered.getLastPaymentError().getCode()).isEqualTo("card_declined");
	}

	@Test
	void anUnknownPaymentMethodIsRefusedAndNothingIsDelivered() throws Exception {
		PaymentIntent intent = newIntent();

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.client.v1().paymentIntents().confirm(intent.getId(), with("pm_nothing")))
			.satisfies((ex) -> assertThat(ex.getStripeError().getParam()).isEqualTo("payment_method"));
		assertThat(this.stripe.intent(intent.getId())).containsEntry("status", "requires_payment_method");
		assertThat(this.deliveries.poll(1, TimeUnit.SECONDS)).isNull();
	}

	@Test
	void aDeliveryTheEndpointRefusesIsRetried() throws Exception {
		this.refusals.set(2);
		PaymentIntent intent = newIntent();

		this.client.v1().paymentIntents().confirm(intent.getId(), with("pm_card_visa"));

		assertThat(nextEvent().getType()).isEqualTo("payment_intent.succeeded");
	}

	@Test
	void aRefundIsDeliveredAsChargeRefunded() throws Exception {
		PaymentIntent intent = newIntent();
		this.client.v1().paymentIntents().confirm(intent.getId(), with("pm_card_visa"));
		nextEvent();

		this.client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId()).build());

		Event event = nextEvent();
		assertThat(event.getType()).isEqualTo("charge.refunded");
		assertThat(event.getDataObjectDeserializer().deserializeUnsafe()).hasFieldOrPropertyWithValue("amountRefunded",
				2000L);
	}

	private PaymentIntent newIntent() throws StripeException {
		return this.client.v1()
			.paymentIntents()
			.create(PaymentIntentCreateParams.builder().setAmount(2000L).setCurrency("usd").build());
	}

	private static PaymentIntentConfirmParams with(String paymentMethod) {
		return PaymentIntentConfirmParams.builder().setPaymentMethod(paymentMethod).build();
	}

	// verified as payments-service verifies it, with the secret the stand-in was given
	private Event nextEvent() throws Exception {
		Delivery delivery = this.deliveries.poll(10, TimeUnit.SECONDS);
		assertThat(delivery).as("an event delivered within 10 s").isNotNull();
		return Webhook.constructEvent(delivery.body(), delivery.signature(), SECRET, 300);
	}

	private record Delivery(String body, String signature) {
	}

}
