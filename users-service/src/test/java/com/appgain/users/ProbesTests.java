package com.appgain.users;

import org.junit.jupiter.api.Test;

class ProbesTests extends IntegrationTests {

	@Test
	void readinessIsUpOnceMongoDbAnswers() {
		this.client.get()
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
		this.client.get().uri("/livez").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

}
