package com.appgain.payments.payment;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.TestTokens;
import com.appgain.payments.PaymentsServiceIntegrationTest;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentReadTests extends PaymentsServiceIntegrationTest {

	@Test
	void theOwnerReadsTheirPayment() {
		String owner = newUser();
		String id = createPayment(owner, 1200).get("payment").get("id").asString();

		JsonNode body = get(TestTokens.user(owner), PAYMENTS + "/" + id).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(body.propertyNames()).containsExactly("payment", "status");
		assertThat(body.get("payment").get("id").asString()).isEqualTo(id);
		assertThat(body.get("payment").has("client_secret")).isFalse();
		assertThat(body.get("payment").get("failure_message").isNull()).isTrue();
	}

	@Test
	void anotherUserGetsTheSame404AsForAPaymentThatDoesNotExist() {
		String id = createPayment(newUser(), 1200).get("payment").get("id").asString();

		for (String path : new String[] { PAYMENTS + "/" + id, PAYMENTS + "/65a1f0c2b3d4e5f607182930" }) {
			Envelopes.expectFailure(get(TestTokens.user(newUser()), path), 404, "not_found")
				.jsonPath("$.message")
				.isEqualTo("Payment not found");
		}
	}

	@Test
	void anAdminReadsAnyPayment() {
		String id = createPayment(newUser(), 1200).get("payment").get("id").asString();

		get(TestTokens.admin(newUser()), PAYMENTS + "/" + id).expectStatus().isOk();
	}

	@Test
	void aMalformedIdIsABadRequest() {
		Envelopes.expectFailure(get(TestTokens.user(newUser()), PAYMENTS + "/not-an-id"), 400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Invalid payment_id: expected a 24-character hex id");
	}

	@Test
	void readingNeedsAToken() {
		Envelopes.expectFailure(this.http.get().uri(PAYMENTS).exchange(), 401, "unauthorized");
		Envelopes.expectFailure(this.http.get().uri(PAYMENTS + "/65a1f0c2b3d4e5f607182930").exchange(), 401,
				"unauthorized");
	}

	@Test
	void aUserListsOnlyTheirOwnPaymentsNewestFirst() {
		String owner = newUser();
		String first = createPayment(owner, 100).get("payment").get("id").asString();
		String second = createPayment(owner, 200).get("payment").get("id").asString();
		createPayment(newUser(), 300);

		JsonNode body = list(TestTokens.user(owner), "").expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(body.propertyNames()).containsExactly("payments", "pagination", "status");
		assertThat(body.get("payments").valueStream().map((payment) -> payment.get("id").asString()))
			.containsExactly(second, first);
		assertThat(body.get("pagination").get("total_count").asLong()).isEqualTo(2);
	}

	@Test
	void anAdminListsEveryonesPaymentsOrOneUsers() {
		String alice = newUser();
		String bob = newUser();
		createPayment(alice, 100);
		createPayment(alice, 200);
		createPayment(bob, 300);
		String admin = TestTokens.admin(newUser());

		list(admin, "").expectStatus().isOk().expectBody().jsonPath("$.pagination.total_count").isEqualTo(3);
		list(admin, "?user_id=" + alice).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.pagination.total_count")
			.isEqualTo(2)
			.jsonPath("$.payments[0].user_id")
			.isEqualTo(alice);
	}

	@Test
	void aUserCannotListAnotherUsersPayments() {
		String owner = newUser();
		createPayment(owner, 100);

		Envelopes.expectFailure(list(TestTokens.user(newUser()), "?user_id=" + owner), 403, "forbidden");
		list(TestTokens.user(owner), "?user_id=" + owner).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.pagination.total_count")
			.isEqualTo(1);
	}

	@Test
	void listsArePaginated() {
		String owner = newUser();
		for (int i = 1; i <= 3; i++) {
			createPayment(owner, 100 * i);
		}

		list(TestTokens.user(owner), "?page=2&limit=2").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.payments.length()")
			.isEqualTo(1)
			.jsonPath("$.payments[0].amount")
			.isEqualTo(100)
			.jsonPath("$.pagination.page")
			.isEqualTo(2)
			.jsonPath("$.pagination.limit")
			.isEqualTo(2)
			.jsonPath("$.pagination.total_count")
			.isEqualTo(3)
			.jsonPath("$.pagination.total_pages")
			.isEqualTo(2)
			.jsonPath("$.pagination.has_next")
			.isEqualTo(false)
			.jsonPath("$.pagination.has_prev")
			.isEqualTo(true);
	}

	@Test
	void listsFilterByStatus() {
		String owner = newUser();
		paidPayment(owner, 900);
		createPayment(owner, 100);

		list(TestTokens.user(owner), "?status=succeeded").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.payments.length()")
			.isEqualTo(1)
			.jsonPath("$.payments[0].amount")
			.isEqualTo(900);
	}

	@Test
	void badListParametersAreBadRequests() {
		String token = TestTokens.admin(newUser());
		Envelopes.expectFailure(list(token, "?page=0"), 400, "bad_request");
		Envelopes.expectFailure(list(token, "?limit=abc"), 400, "bad_request");
		Envelopes.expectFailure(list(token, "?status=creating"), 400, "bad_request");
		Envelopes.expectFailure(list(token, "?status=paid"), 400, "bad_request");
		Envelopes.expectFailure(list(token, "?user_id=not-an-id"), 400, "bad_request");
	}

	@Test
	void repeatedOverflowingOrControlCharacterParametersAreBadRequests() {
		String token = TestTokens.admin(newUser());
		Envelopes.expectFailure(list(token, "?status=succeeded&status=failed"), 400, "bad_request");
		Envelopes.expectFailure(list(token, "?user_id=" + newUser() + "&user_id=" + newUser()), 400, "bad_request");
		Envelopes.expectFailure(list(token, "?page=21474838&limit=100"), 400, "bad_request");
		Envelopes.expectFailure(this.http.get()
			.uri(PAYMENTS + "?status={status}", "succeeded\u0000")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.exchange(), 400, "bad_request");
	}

	private WebTestClient.ResponseSpec list(String token, String query) {
		return get(token, PAYMENTS + query);
	}

	private WebTestClient.ResponseSpec get(String token, String uri) {
		return this.http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).exchange();
	}

}
