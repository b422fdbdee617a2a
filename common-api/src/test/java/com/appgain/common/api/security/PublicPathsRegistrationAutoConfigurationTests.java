package com.appgain.common.api.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PublicPathsRegistrationAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PublicPathsRegistrationAutoConfiguration.class));

	@Test
	void aServiceThatRegistersWithEurekaDeclaresItsPublicPaths() {
		this.contexts.run((context) -> assertThat(context).hasSingleBean(PublicPathsRegistration.class));
	}

	@Test
	void withoutEurekaThereIsNothingToDeclare() {
		this.contexts.withClassLoader(new FilteredClassLoader("org.springframework.cloud.netflix.eureka"))
			.run((context) -> assertThat(context).doesNotHaveBean(PublicPathsRegistration.class));
	}

}
