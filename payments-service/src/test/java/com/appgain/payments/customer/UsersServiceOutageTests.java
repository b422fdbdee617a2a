package com.appgain.payments.customer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.TestTokens;
import com.appgain.payments.PaymentsServiceIntegrationTest;

import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

class UsersServiceOutageTests extends PaymentsServiceIntegrationTest {

	private static final String ORDER = "{\"amount\": 2500, \"currency\": \"usd\"}";

	@AfterEach
	void usersServiceIsBack() {
		users.start();
	}

	@Test
	void aFirstPaymentWhileUsersServiceIsDownIsA503AndCreatesNothing() {
		String user = newUser();
		users.stop();

		Envelopes.expectFailure(postPayment(TestTokens.user(user), newKey(), ORDER), 503, "service_unavailable")
			.jsonPath("$.message")
			.isEqualTo("The users service is unavailable");

		assertThat(this.mongo.count(new Query(), "payments").block()).isZero();
		assertThat(this.mongo.count(new Query(), "customers").block()).isZero();
		assertThat(stripe.customersCreatedFor(user)).isZero();
		assertThat(stripe.intentsCreatedFor(user)).isZero();
	}

	@Test
	void theSameRequestSucceedsOnceUsersServiceIsBack() {
		String user = newUser();
		String key = newKey();
		users.stop();
		Envelopes.expectFailure(postPayment(TestTokens.user(user), key, ORDER), 503, "service_unavailable");

		users.start();

		postPayment(TestTokens.user(user), key, ORDER).expectStatus().isCreated();
		assertThat(stripe.intentsCreatedFor(user)).isOne();
	}

	@Test
	void aUserWhoAlreadyHasACustomerPaysWhileUsersServiceIsDown() {
		String user = newUser();
		createPayment(user, 1000);
		users.stop();

		postPayment(TestTokens.user(user), newKey(), ORDER).expectStatus().isCreated();
	}

}
