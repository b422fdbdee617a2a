package com.appgain.registry;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class PeerCredentialsTests {

	@Test
	void replicasSendTheCredentialsToEachOther() {
		MockEnvironment environment = new MockEnvironment().withProperty("eureka.client.register-with-eureka", "true")
			.withProperty("eureka.client.service-url.defaultZone",
					"http://registry-0.registry:8761/eureka/,http://registry-1.registry:8761/eureka/")
			.withProperty("eureka.server.my-url", "http://registry-0.registry:8761/eureka/")
			.withProperty("REGISTRY_PASSWORD", "p@ss");
		new PeerCredentialsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("eureka.client.service-url.defaultZone")).isEqualTo(
				"http://appgain:p%40ss@registry-0.registry:8761/eureka/,http://appgain:p%40ss@registry-1.registry:8761/eureka/");
		assertThat(environment.getProperty("eureka.server.my-url"))
			.isEqualTo("http://appgain:p%40ss@registry-0.registry:8761/eureka/");
	}

	@Test
	void aStandaloneRegistryCallsNoPeer() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("eureka.client.service-url.defaultZone", "http://localhost:8761/eureka/")
			.withProperty("REGISTRY_PASSWORD", "secret");
		new PeerCredentialsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("eureka.client.service-url.defaultZone"))
			.isEqualTo("http://localhost:8761/eureka/");
	}

}
