package com.appgain.payments;

import org.junit.jupiter.api.Test;

import com.appgain.common.test.TestTokens;

import org.springframework.http.HttpHeaders;

class HealthTests extends PaymentsServiceIntegrationTest {

	@Test
	void theServiceIsReady() {
		this.http.get().uri("/readyz").exchange().expectStatus().isOk();
		this.http.get().uri("/livez").exchange().expectStatus().isOk();
	}

	@Test
	void anAdminSeesWhetherStripeIsConfigured() {
		this.http.get()
			.uri("/actuator/health")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin(newUser())))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.stripe.status")
			.isEqualTo("UP")
			.jsonPath("$.components.stripe.details.configured")
			.isEqualTo(true)
			.jsonPath("$.components.stripe.details.webhooks_configured")
			.isEqualTo(true);
	}

	@Test
	void othersSeeNoDetails() {
		this.http.get()
			.uri("/actuator/health")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.user(newUser())))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components")
			.doesNotExist();
		this.http.get().uri("/actuator/health").exchange().expectBody().jsonPath("$.components").doesNotExist();
	}

	@Test
	void paymentMetricsArePublished() {
		createPayment(newUser(), 100);

		this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> org.assertj.core.api.Assertions.assertThat(body)
				.contains(
						"appgain_payments_lifecycle_total{application=\"payments\",currency=\"usd\",event=\"created\"}"));
	}

}
