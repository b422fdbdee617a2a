package com.appgain.users;

import org.junit.jupiter.api.Test;

import com.appgain.common.test.Management;

import org.springframework.http.HttpStatus;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

class ProbesTests extends IntegrationTests {

	@LocalManagementPort
	private int managementPort;

	@Test
	void readinessIsUpOnceMongoDbAnswers() {
		Management.expectReadyAndLive(this.managementPort);
	}

	@Test
	void metricsNeedNoToken() {
		management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

	@Test
	void actuatorIsNotOnThePublicPort() {
		expectError(this.client.get().uri("/actuator/prometheus").exchange(), HttpStatus.NOT_FOUND, "not_found");
		expectError(this.client.get().uri("/livez").exchange(), HttpStatus.NOT_FOUND, "not_found");
	}

	private WebTestClient management() {
		return Management.client(this.managementPort);
	}

}
