package com.appgain.common.api.client;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceClientAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServiceClientAutoConfiguration.class));

	@Test
	void withoutALoadBalancerAndCircuitBreakersThereAreNoServiceClients() {
		this.contexts.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ServiceClients.class)
			.hasSingleBean(ServiceClientProperties.class));
	}

}
