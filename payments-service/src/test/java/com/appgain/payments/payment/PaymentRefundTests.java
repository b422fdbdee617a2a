package com.appgain.payments.payment;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.TestTokens;
import com.appgain.payments.PaymentsServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentRefundTests extends PaymentsServiceIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	@Test
	void anAdminRefundsAPaymentInFull() {
		String id = paidPayment(newUser(), 5000).get("id").asString();
		int refundsAtStripe = stripe.requests("POST /v1/refunds");

		JsonNode body = refund(id, null, newKey()).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(body.propertyNames()).containsExactly("message", "refund", "payment", "status");
		assertThat(body.get("message").asString()).isEqualTo("Refund created");
		assertThat(body.get("refund").get("id").asString()).startsWith("re_");
		assertThat(body.get("refund").get("amount").asLong()).isEqualTo(5000);
		assertThat(body.get("refund").get("status").asString()).isEqualTo("succeeded");
		assertThat(body.get("payment").get("status").asString()).isEqualTo("refunded");
		assertThat(body.get("payment").get("amount_refunded").asLong()).isEqualTo(5000);
		assertThat(stripe.requests("POST /v1/refunds")).isEqualTo(refundsAtStripe + 1);
	}

	@Test
	void partialRefundsAddUpAndTheRestCanBeRefundedLater() {
		String id = paidPayment(newUser(), 5000).get("id").asString();

		refund(id, "{\"amount\": 1500}", newKey()).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.payment.status")
			.isEqualTo("succeeded")
			.jsonPath("$.payment.amount_refunded")
			.isEqualTo(1500);
		refund(id, null, newKey()).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.refund.amount")
			.isEqualTo(3500)
			.jsonPath("$.payment.status")
			.isEqualTo("refunded")
			.jsonPath("$.payment.amount_refunded")
			.isEqualTo(5000)
			.jsonPath("$.payment.refunds.length()")
			.isEqualTo(2);
	}

	@Test
	void moreThanWasCapturedIsNeverRefunded() {
		String id = paidPayment(newUser(), 5000).get("id").asString();
		refund(id, "{\"amount\": 4000}", newKey()).expectStatus().isCreated();
		int refundsAtStripe = stripe.requests("POST /v1/refunds");

		Envelopes.expectFailure(refund(id, "{\"amount\": 1001}", newKey()), 400, "bad_request")
			.jsonPath("$.errors[0].path")
			.isEqualTo("/amount")
			.jsonPath("$.errors[0].message")
			.value(String.class, (message) -> assertThat(message).startsWith("amount must be at most 1000"));
		assertThat(stripe.requests("POST /v1/refunds")).isEqualTo(refundsAtStripe);
	}

	@Test
	void aPaymentRefundedInFullCannotBeRefundedAgain() {
		String id = paidPayment(newUser(), 5000).get("id").asString();
		refund(id, null, newKey()).expectStatus().isCreated();

		Envelopes.expectFailure(refund(id, "{\"amount\": 1}", newKey()), 409, "conflict");
	}

	@Test
	void concurrentRefundsTogetherNeverExceedTheCapturedAmount() {
		String id = paidPayment(newUser(), 5000).get("id").asString();

		List<Integer> statuses = Flux.range(0, 6)
			.flatMap((i) -> post(id, "{\"amount\": 2000}", newKey() + "-" + i), 6)
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(2);
		assertThat(statuses).filteredOn((status) -> status != 201)
			.allSatisfy((status) -> assertThat(status).isIn(400, 409));
		JsonNode payment = getPaymentAsAdmin(id);
		assertThat(payment.get("amount_refunded").asLong()).isEqualTo(4000);
		assertThat(stripe.charge(payment.get("stripe_payment_intent_id").asString()).get("amount_refunded"))
			.isEqualTo(4000L);
	}

	@Test
	void theSameKeyReturnsTheSameRefund() {
		String id = paidPayment(newUser(), 5000).get("id").asString();
		String key = newKey();
		String first = refund(id, "{\"amount\": 700}", key).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("refund")
			.get("id")
			.asString();
		int refundsAtStripe = stripe.requests("POST /v1/refunds");

		refund(id, "{\"amount\": 700}", key).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Refund already created")
			.jsonPath("$.refund.id")
			.isEqualTo(first)
			.jsonPath("$.payment.amount_refunded")
			.isEqualTo(700);
		Envelopes.expectFailure(refund(id, "{\"amount\": 800}", key), 409, "conflict");
		assertThat(stripe.requests("POST /v1/refunds")).isEqualTo(refundsAtStripe);
	}

	@Test
	void withoutAKeyTheSameAmountTwiceIsOneRefund() {
		String id = paidPayment(newUser(), 5000).get("id").asString();

		refund(id, "{\"amount\": 1000}", null).expectStatus().isCreated();
		refund(id, "{\"amount\": 1000}", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.payment.amount_refunded")
			.isEqualTo(1000);
	}

	@Test
	void onlyAdminsRefund() {
		String owner = newUser();
		String id = paidPayment(owner, 5000).get("id").asString();

		Envelopes.expectFailure(this.http.post()
			.uri(PAYMENTS + "/{id}/refund", id)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.user(owner)))
			.exchange(), 403, "forbidden");
		Envelopes.expectFailure(this.http.post().uri(PAYMENTS + "/{id}/refund", id).exchange(), 401, "unauthorized");
		assertThat(getPaymentAsAdmin(id).get("amount_refunded").asLong()).isZero();
	}

	@Test
	void aPaymentThatDidNotSucceedCannotBeRefunded() {
		String id = createPayment(newUser(), 5000).get("payment").get("id").asString();

		Envelopes.expectFailure(refund(id, null, newKey()), 409, "conflict")
			.jsonPath("$.message")
			.isEqualTo("Only a succeeded payment can be refunded; this one is requires_payment_method");
	}

	@Test
	void refundingAnUnknownOrMalformedPaymentFails() {
		Envelopes.expectFailure(refund("65a1f0c2b3d4e5f607182930", null, newKey()), 404, "not_found");
		Envelopes.expectFailure(refund("nope", null, newKey()), 400, "bad_request");
	}

	@Test
	void aRefundBodyOutsideTheSchemaIsABadRequest() {
		String id = paidPayment(newUser(), 5000).get("id").asString();

		Envelopes.expectFailure(refund(id, "{\"amount\": 0}", newKey()), 400, "bad_request");
		Envelopes.expectFailure(refund(id, "{\"amount\": 12.5}", newKey()), 400, "bad_request");
		Envelopes.expectFailure(refund(id, "{\"amount\": 100, \"reason\": \"x\"}", newKey()), 400, "bad_request");
		assertThat(getPaymentAsAdmin(id).get("amount_refunded").asLong()).isZero();
	}

	@Test
	void aRefundInterruptedByAStripeOutageIsFinishedByARetryWithTheSameKey() {
		String id = paidPayment(newUser(), 5000).get("id").asString();
		String key = newKey();
		stripe.failNext(1);

		Envelopes.expectFailure(refund(id, null, key), 502, "bad_gateway");
		Envelopes.expectFailure(refund(id, "{\"amount\": 1}", newKey()), 409, "conflict");
		refund(id, null, key).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.refund.amount")
			.isEqualTo(5000)
			.jsonPath("$.payment.status")
			.isEqualTo("refunded");
	}

	@Test
	void aRefundStripeRefusesFreesTheReservedAmount() {
		JsonNode payment = paidPayment(newUser(), 5000);
		String id = payment.get("id").asString();
		String intentId = payment.get("stripe_payment_intent_id").asString();
		stripe.setStatus(intentId, "processing");

		Envelopes.expectFailure(refund(id, null, newKey()), 502, "bad_gateway");
		stripe.setStatus(intentId, "succeeded");
		refund(id, null, newKey()).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.refund.amount")
			.isEqualTo(5000)
			.jsonPath("$.payment.refunds.length()")
			.isEqualTo(1);
	}

	private WebTestClient.ResponseSpec refund(String paymentId, String json, String key) {
		WebTestClient.RequestBodySpec request = this.http.post()
			.uri(PAYMENTS + "/{id}/refund", paymentId)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.admin(newUser())));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return (json != null) ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
				: request.exchange();
	}

	private Mono<Integer> post(String paymentId, String json, String key) {
		return WebClient.create("http://localhost:" + this.port)
			.post()
			.uri(PAYMENTS + "/{id}/refund", paymentId)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.admin(newUser())))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
	}

}
