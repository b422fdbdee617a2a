package com.appgain.payments.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.TestTokens;
import com.appgain.payments.PaymentsServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentIdempotencyRaceTests extends PaymentsServiceIntegrationTest {

	private static final int CONCURRENT = 8;

	@Value("${local.server.port}")
	private int port;

	@Test
	void concurrentRequestsWithOneKeyCreateExactlyOnePaymentIntent() {
		String user = newUser();
		String token = TestTokens.user(user);
		String key = newKey();
		// the first request is still at Stripe when the others claim the key
		stripe.delayPaymentIntentCreation(Duration.ofMillis(500));

		List<ResponseEntity<JsonNode>> responses = Flux.range(0, CONCURRENT)
			.flatMap((i) -> post(token, key, "{\"amount\": 4200, \"currency\": \"eur\"}"), CONCURRENT)
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(responses).hasSize(CONCURRENT);
		assertThat(responses).allSatisfy(
				(response) -> assertThat(response.getStatusCode().value()).as(response.toString()).isIn(200, 201));
		assertThat(responses).filteredOn((response) -> response.getStatusCode().value() == 201).hasSize(1);
		assertThat(responses).extracting((response) -> response.getBody().get("payment").get("id").asString())
			.containsOnly(responses.get(0).getBody().get("payment").get("id").asString());
		assertThat(responses).extracting((response) -> response.getBody().get("client_secret").asString())
			.doesNotContainNull()
			.hasSize(CONCURRENT)
			.containsOnly(responses.get(0).getBody().get("client_secret").asString());
		assertThat(stripe.intentsCreatedFor(user)).isOne();
		assertThat(stripe.customersCreatedFor(user)).isOne();
		assertThat(this.mongo.count(new Query(), Payment.class).block()).isOne();
	}

	@Test
	void concurrentRequestsWithDifferentKeysCreateOnePaymentEach() {
		String user = newUser();
		String token = TestTokens.user(user);

		List<ResponseEntity<JsonNode>> responses = Flux.range(0, CONCURRENT)
			.flatMap((i) -> post(token, newKey() + "-" + i, "{\"amount\": 4200, \"currency\": \"eur\"}"), CONCURRENT)
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(responses).allSatisfy((response) -> assertThat(response.getStatusCode().value()).isEqualTo(201));
		assertThat(stripe.intentsCreatedFor(user)).isEqualTo(CONCURRENT);
		assertThat(stripe.customersCreatedFor(user)).isOne();
	}

	@Test
	void aClaimLeftByACrashedRequestIsTakenOverWithTheSamePaymentId() {
		String user = newUser();
		String key = newKey();
		createPayment(user, 100);
		NewPayment order = new NewPayment(4200, "eur", null);
		Payment orphan = this.mongo.insert(Payment.claim(order, key, user, null, Instant.now().minusSeconds(1)))
			.block();

		JsonNode body = created(postPayment(TestTokens.user(user), key, "{\"amount\": 4200, \"currency\": \"eur\"}"));

		assertThat(body.get("payment").get("id").asString()).isEqualTo(orphan.id().toHexString());
		assertThat(stripe.intentsCreatedFor(user)).isEqualTo(2);
	}

	@Test
	void aKeyStillBeingCreatedElsewhereIsAConflictAfterAShortWait() {
		String user = newUser();
		String key = newKey();
		this.mongo
			.insert(Payment.claim(new NewPayment(4200, "eur", null), key, user, null, Instant.now().plusSeconds(60)))
			.block();

		Envelopes
			.expectFailure(postPayment(TestTokens.user(user), key, "{\"amount\": 4200, \"currency\": \"eur\"}"), 409,
					"conflict")
			.jsonPath("$.message")
			.isEqualTo("A request with this Idempotency-Key is still in progress; retry in a few seconds");
		Envelopes
			.expectFailure(postPayment(TestTokens.user(user), key, "{\"amount\": 4300, \"currency\": \"eur\"}"), 409,
					"conflict")
			.jsonPath("$.message")
			.isEqualTo("This Idempotency-Key was already used with a different request body; use a new key");
		assertThat(stripe.intentsCreatedFor(user)).isZero();
	}

	@Test
	void claimsThatAreNotYetPaymentsAreNeitherListedNorReadable() {
		String user = newUser();
		Payment claim = this.mongo
			.insert(Payment.claim(new NewPayment(4200, "eur", null), newKey(), user, null,
					Instant.now().plusSeconds(60)))
			.block();

		Envelopes.expectFailure(this.http.get()
			.uri(PAYMENTS + "/{id}", claim.id().toHexString())
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.user(user)))
			.exchange(), 404, "not_found");
		this.http.get()
			.uri(PAYMENTS)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.admin(newUser())))
			.exchange()
			.expectBody()
			.jsonPath("$.pagination.total_count")
			.isEqualTo(0);
	}

	private reactor.core.publisher.Mono<ResponseEntity<JsonNode>> post(String token, String key, String json) {
		return WebClient.create("http://localhost:" + this.port)
			.post()
			.uri(PAYMENTS)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchangeToMono((response) -> response.toEntity(JsonNode.class));
	}

}
