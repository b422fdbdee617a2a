package com.appgain.payments;

import org.junit.jupiter.api.Test;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.Management;
import com.appgain.common.test.TestTokens;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTests extends PaymentsServiceIntegrationTest {

	@LocalManagementPort
	private int managementPort;

	private WebTestClient management() {
		return Management.client(this.managementPort);
	}

	@Test
	void theServiceIsReady() {
		Management.expectReadyAndLive(this.managementPort);
		Envelopes.expectFailure(this.http.get().uri("/actuator/health").exchange(), 404, "not_found");
	}

	@Test
	void anAdminSeesWhetherStripeIsConfigured() {
		management().get()
			.uri("/actuator/health")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.admin(newUser())))
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
		management().get()
			.uri("/actuator/health")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.user(newUser())))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components")
			.doesNotExist();
		management().get().uri("/actuator/health").exchange().expectBody().jsonPath("$.components").doesNotExist();
	}

	@Test
	void paymentMetricsArePublished() {
		createPayment(newUser(), 100);

		management().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains(
					"appgain_payments_lifecycle_total{application=\"payments\",currency=\"usd\",event=\"created\"}"));
	}

}
