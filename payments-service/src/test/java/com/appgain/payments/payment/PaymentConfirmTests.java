package com.appgain.payments.payment;

import java.net.URI;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.TestTokens;
import com.appgain.payments.PaymentsServiceIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confirming with Stripe's test payment methods, and the stand-in's signed webhooks
 * moving the payment, as on {@code ./run}.
 */
class PaymentConfirmTests extends PaymentsServiceIntegrationTest {

	@LocalServerPort
	private int port;

	@BeforeEach
	void stripeDeliversItsEventsHere() {
		stripe.deliverWebhooksTo(URI.create("http://127.0.0.1:" + this.port + WEBHOOK));
	}

	@AfterEach
	void stripeKeepsItsEvents() {
		stripe.deliverWebhooksTo(null);
	}

	@Test
	void aPaymentConfirmedWithATestCardSucceedsThroughTheWebhook() {
		String user = newUser();
		String id = createPayment(user, 1500).get("payment").get("id").asString();

		confirm(TestTokens.user(user), id, "{\"payment_method\": \"pm_card_visa\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("success");

		awaitStatus(user, id, "succeeded");
		assertThat(getPayment(TestTokens.user(user), id).get("amount_received").asLong()).isEqualTo(1500);
	}

	@Test
	void aDeclinedCardIsABadRequestAndThePaymentFails() {
		String user = newUser();
		String id = createPayment(user, 1500).get("payment").get("id").asString();

		Envelopes.expectFailure(confirm(TestTokens.user(user), id, "{\"payment_method\": \"pm_card_chargeDeclined\"}"),
				400, "bad_request");

		awaitStatus(user, id, "failed");
	}

	@Test
	void anUnknownPaymentMethodIsABadRequestAndChangesNothing() {
		String user = newUser();
		String id = createPayment(user, 1500).get("payment").get("id").asString();

		Envelopes.expectFailure(confirm(TestTokens.user(user), id, "{\"payment_method\": \"pm_card_unheard_of\"}"), 400,
				"bad_request");
		Envelopes.expectFailure(confirm(TestTokens.user(user), id, "{\"payment_method\": \"$where\"}"), 400,
				"bad_request");
		Envelopes.expectFailure(confirm(TestTokens.user(user), id, "{}"), 400, "bad_request");

		assertThat(getPayment(TestTokens.user(user), id).get("status").asString()).isEqualTo("requires_payment_method");
	}

	@Test
	void onlyThePayerConfirmsAndOnlyOnce() {
		String user = newUser();
		String id = createPayment(user, 1500).get("payment").get("id").asString();
		String visa = "{\"payment_method\": \"pm_card_visa\"}";

		Envelopes.expectFailure(confirm(TestTokens.user(newUser()), id, visa), 404, "not_found");
		Envelopes.expectFailure(confirm(TestTokens.admin(newUser()), id, visa), 403, "forbidden");
		confirm(TestTokens.user(user), id, visa).expectStatus().isOk();
		awaitStatus(user, id, "succeeded");
		Envelopes.expectFailure(confirm(TestTokens.user(user), id, visa), 409, "conflict");
	}

	private WebTestClient.ResponseSpec confirm(String token, String paymentId, String json) {
		return this.http.post()
			.uri(PAYMENTS + "/{id}/confirm", paymentId)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private void awaitStatus(String user, String paymentId, String status) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(getPayment(TestTokens.user(user), paymentId).get("status").asString())
				.isEqualTo(status));
	}

}
