package com.appgain.common.api.discovery;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackInstanceAddressTests {

	private final LoopbackInstanceAddressEnvironmentPostProcessor registration = new LoopbackInstanceAddressEnvironmentPostProcessor();

	@Test
	void aModuleOnLoopbackRegistersLoopback() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.address", "127.0.0.1");
		this.registration.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("eureka.instance.ip-address")).isEqualTo("127.0.0.1");
	}

	@Test
	void aModuleOnEveryInterfaceRegistersAsSpringCloudChooses() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.address", "0.0.0.0");
		this.registration.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("eureka.instance.ip-address")).isNull();
	}

}
