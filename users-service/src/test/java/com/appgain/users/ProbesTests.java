package com.appgain.users;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

class ProbesTests extends IntegrationTests {

	@LocalManagementPort
	private int managementPort;

	@Test
	void readinessIsUpOnceMongoDbAnswers() {
		management().get()
			.uri("/readyz")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void livenessAndMetricsNeedNoToken() {
		management().get().uri("/livez").exchange().expectStatus().isOk();
		management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

	@Test
	void actuatorIsNotOnThePublicPort() {
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
		this.client.get().uri("/livez").exchange().expectStatus().isNotFound();
	}

	private WebTestClient management() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

}
