package com.appgain.payments;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.appgain.common.test.TestTokens;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class HealthTests extends PaymentsServiceIntegrationTest {

	@LocalManagementPort
	private int managementPort;

	private WebTestClient management() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Test
	void theServiceIsReady() {
		management().get().uri("/readyz").exchange().expectStatus().isOk();
		management().get().uri("/livez").exchange().expectStatus().isOk();
		this.http.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
	}

	@Test
	void anAdminSeesWhetherStripeIsConfigured() {
		management().get()
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
		management().get()
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
			.value((body) -> org.assertj.core.api.Assertions.assertThat(body)
				.contains(
						"appgain_payments_lifecycle_total{application=\"payments\",currency=\"usd\",event=\"created\"}"));
	}

}
