package com.appgain.payments.payment;

import java.time.Instant;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import com.appgain.common.test.Envelopes;
import com.appgain.common.api.security.TokenDenylist;
import com.appgain.common.test.TestTokens;
import com.appgain.payments.FakeUsers;
import com.appgain.payments.PaymentsServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentCreateTests extends PaymentsServiceIntegrationTest {

	private static final String ORDER = "{\"amount\": 2500, \"currency\": \"usd\", \"description\": \"Order 42\"}";

	@Autowired
	private TokenDenylist denylist;

	@Test
	void aSignedInUserCreatesAPaymentAndGetsItsClientSecret() {
		String user = newUser();
		Instant before = Instant.now().minusSeconds(1);

		JsonNode body = postPayment(TestTokens.user(user), newKey(), ORDER).expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(body.propertyNames()).containsExactly("message", "payment", "client_secret", "status");
		assertThat(body.get("message").asString()).isEqualTo("Payment created");
		assertThat(body.get("status").asString()).isEqualTo("success");
		JsonNode payment = body.get("payment");
		String intentId = payment.get("stripe_payment_intent_id").asString();
		assertThat(payment.get("id").asString()).matches("[0-9a-f]{24}");
		assertThat(payment.get("user_id").asString()).isEqualTo(user);
		assertThat(payment.get("amount").isIntegralNumber()).isTrue();
		assertThat(payment.get("amount").asLong()).isEqualTo(2500);
		assertThat(payment.get("currency").asString()).isEqualTo("usd");
		assertThat(payment.get("description").asString()).isEqualTo("Order 42");
		assertThat(payment.get("status").asString()).isEqualTo("requires_payment_method");
		assertThat(payment.get("amount_refunded").asLong()).isZero();
		assertThat(Instant.parse(payment.get("created_at").asString())).isBetween(before, Instant.now());
		assertThat(body.get("client_secret").asString()).startsWith(intentId + "_secret_");
		assertThat(stripe.intent(intentId)).containsEntry("amount", 2500L)
			.containsEntry("currency", "usd")
			.extractingByKey("metadata")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("user_id", user)
			.containsEntry("payment_id", payment.get("id").asString());
		assertThat(stripe.idempotencyKeyOf(intentId)).isEqualTo("payment-" + payment.get("id").asString());
	}

	@Test
	void theClientSecretIsNeverStored() {
		JsonNode created = createPayment(newUser(), 1000);
		String secret = created.get("client_secret").asString();

		org.bson.Document stored = this.mongo
			.findById(new ObjectId(created.get("payment").get("id").asString()), org.bson.Document.class, "payments")
			.block();

		assertThat(stored.toJson()).doesNotContain(secret);
	}

	@Test
	void theFirstPaymentOfAUserCreatesOneStripeCustomerWithTheirEmail() {
		String user = newUser();
		int usersCalls = users.calls();

		createPayment(user, 1000);
		createPayment(user, 2000);

		assertThat(stripe.customersCreatedFor(user)).isOne();
		assertThat(users.calls() - usersCalls).isOne();
		org.bson.Document customer = this.mongo.getCollection("customers")
			.flatMap((customers) -> Mono.from(customers.find(new org.bson.Document("_id", user)).first()))
			.block();
		assertThat(customer.getString("email")).isEqualTo(FakeUsers.emailOf(user));
		assertThat(customer.getString("stripe_customer_id")).startsWith("cus_");
	}

	@Test
	void theSameKeyAndBodyReturnTheSamePaymentWithoutASecondPaymentIntent() {
		String user = newUser();
		String key = newKey();
		JsonNode first = created(postPayment(TestTokens.user(user), key, ORDER));

		JsonNode again = postPayment(TestTokens.user(user), key, ORDER).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(again.get("message").asString()).isEqualTo("Payment already created");
		assertThat(again.get("payment").get("id")).isEqualTo(first.get("payment").get("id"));
		assertThat(again.get("client_secret")).isEqualTo(first.get("client_secret"));
		assertThat(stripe.intentsCreatedFor(user)).isOne();
	}

	@Test
	void theSameKeyWithAnotherBodyIsAConflict() {
		String user = newUser();
		String key = newKey();
		postPayment(TestTokens.user(user), key, ORDER).expectStatus().isCreated();

		Envelopes.expectFailure(postPayment(TestTokens.user(user), key,
				"{\"amount\": 2501, \"currency\": \"usd\", \"description\": \"Order 42\"}"), 409, "conflict");
		Envelopes.expectFailure(postPayment(TestTokens.user(user), key, "{\"amount\": 2500, \"currency\": \"usd\"}"),
				409, "conflict");
		assertThat(stripe.intentsCreatedFor(user)).isOne();
	}

	@Test
	void idempotencyKeysBelongToOneUser() {
		String key = newKey();
		String alice = newUser();
		String bob = newUser();

		String first = created(postPayment(TestTokens.user(alice), key, ORDER)).get("payment").get("id").asString();
		String second = created(postPayment(TestTokens.user(bob), key, ORDER)).get("payment").get("id").asString();

		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void aMissingIdempotencyKeyIsABadRequest() {
		String user = newUser();
		Envelopes.expectFailure(postPayment(TestTokens.user(user), null, ORDER), 400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Header 'Idempotency-Key' is required");
		assertThat(stripe.intentsCreatedFor(user)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "é" })
	void anEmptyOrNonAsciiIdempotencyKeyIsABadRequest(String key) {
		Envelopes.expectFailure(postPayment(TestTokens.user(newUser()), key, ORDER), 400, "bad_request");
	}

	@Test
	void anIdempotencyKeyLongerThan255CharactersIsABadRequest() {
		Envelopes.expectFailure(postPayment(TestTokens.user(newUser()), "k".repeat(256), ORDER), 400, "bad_request");
		postPayment(TestTokens.user(newUser()), "k".repeat(255), ORDER).expectStatus().isCreated();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"amount\": 0, \"currency\": \"usd\"}", "{\"amount\": -5, \"currency\": \"usd\"}",
			"{\"amount\": 10.5, \"currency\": \"usd\"}", "{\"amount\": \"100\", \"currency\": \"usd\"}",
			"{\"amount\": 100000000, \"currency\": \"usd\"}", "{\"amount\": 1e30, \"currency\": \"usd\"}",
			"{\"currency\": \"usd\"}", "{\"amount\": 100}", "{\"amount\": 100, \"currency\": \"USD\"}",
			"{\"amount\": 100, \"currency\": \"jpy\"}", "{\"amount\": 100, \"currency\": \"us\"}",
			"{\"amount\": 100, \"currency\": \"usd\", \"description\": \"\"}",
			"{\"amount\": 100, \"currency\": \"usd\", \"status\": \"succeeded\"}",
			"{\"amount\": 100, \"currency\": \"usd\", \"user_id\": \"65a1f0c2b3d4e5f607182930\"}",
			"{\"amount\": {\"$gt\": 0}, \"currency\": \"usd\"}", "[]", "42" })
	void aBodyOutsideTheSchemaIsABadRequestAndCreatesNothing(String body) {
		String user = newUser();
		Envelopes.expectFailure(postPayment(TestTokens.user(user), newKey(), body), 400, "bad_request");
		assertThat(this.mongo.count(new Query(), Payment.class).block()).isZero();
		assertThat(stripe.intentsCreatedFor(user)).isZero();
	}

	@Test
	void aCurrencyThatIsNotConfiguredIsNamedInTheError() {
		Envelopes
			.expectFailure(
					postPayment(TestTokens.user(newUser()), newKey(), "{\"amount\": 100, \"currency\": \"jpy\"}"), 400,
					"bad_request")
			.jsonPath("$.errors[0].path")
			.isEqualTo("/currency")
			.jsonPath("$.errors[0].message")
			.isEqualTo("currency must be one of usd, eur, gbp");
	}

	@Test
	void aDescriptionLongerThan1000CharactersIsABadRequest() {
		Envelopes.expectFailure(
				postPayment(TestTokens.user(newUser()), newKey(),
						"{\"amount\": 100, \"currency\": \"usd\", \"description\": \"" + "d".repeat(1001) + "\"}"),
				400, "bad_request");
	}

	@Test
	void malformedJsonIsABadRequest() {
		Envelopes.expectFailure(postPayment(TestTokens.user(newUser()), newKey(), "{\"amount\": "), 400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Malformed JSON request body");
	}

	@Test
	void aBodyThatIsNotJsonIsUnsupported() {
		Envelopes.expectFailure(this.http.post()
			.uri(PAYMENTS)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.user(newUser())))
			.header("Idempotency-Key", newKey())
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("amount=100")
			.exchange(), 415, "unsupported_media_type");
	}

	@Test
	void anonymousCallersMustSignIn() {
		Envelopes.expectFailure(this.http.post()
			.uri(PAYMENTS)
			.header("Idempotency-Key", newKey())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ORDER)
			.exchange(), 401, "unauthorized");
	}

	@Test
	void aRevokedTokenCannotCreatePayments() {
		String jti = "revoked-" + System.nanoTime();
		String token = TestTokens.builder().subject(newUser()).jwtId(jti).build();
		this.denylist.revoke(jti, Instant.now().plusSeconds(900)).block();

		Envelopes.expectFailure(postPayment(token, newKey(), ORDER), 401, "unauthorized");
	}

	@Test
	void anAmountStripeRefusesIsABadRequestAndLeavesNothingBehind() {
		String user = newUser();
		String key = newKey();

		Envelopes
			.expectFailure(postPayment(TestTokens.user(user), key, "{\"amount\": 10, \"currency\": \"usd\"}"), 400,
					"bad_request")
			.jsonPath("$.message")
			.value(String.class, (message) -> assertThat(message).contains("at least"));

		assertThat(this.mongo.count(new Query(), Payment.class).block()).isZero();
		postPayment(TestTokens.user(user), key, "{\"amount\": 100, \"currency\": \"usd\"}").expectStatus().isCreated();
	}

	@Test
	void aStripeOutageIsA502AndARetryWithTheSameKeySucceeds() {
		String user = newUser();
		String key = newKey();
		createPayment(user, 500);
		stripe.failNext(1);

		Envelopes.expectFailure(postPayment(TestTokens.user(user), key, ORDER), 502, "bad_gateway");
		postPayment(TestTokens.user(user), key, ORDER).expectStatus().isCreated();

		assertThat(stripe.intentsCreatedFor(user)).isEqualTo(2);
	}

	@Test
	void aRetryAfterALostStripeResponseGetsTheSamePaymentIntent() {
		String user = newUser();
		String key = newKey();
		createPayment(user, 500);
		stripe.loseNextResponse();

		Envelopes.expectFailure(postPayment(TestTokens.user(user), key, ORDER), 502, "bad_gateway");
		JsonNode retried = created(postPayment(TestTokens.user(user), key, ORDER));

		assertThat(stripe.intentsCreatedFor(user)).isEqualTo(2);
		String intentId = retried.get("payment").get("stripe_payment_intent_id").asString();
		assertThat(stripe.intent(intentId).get("metadata").toString())
			.contains(retried.get("payment").get("id").asString());
	}

}
