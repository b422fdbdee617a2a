package com.appgain.common.api.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRevocationAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TokenRevocationAutoConfiguration.class));

	@Test
	void withoutARedisConnectionThereIsNoDenylist() {
		this.contexts.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(TokenDenylist.class)
			.doesNotHaveBean(RevocationCopy.class));
	}

	@Test
	void withoutRedisOnTheClassPathThereIsNoDenylist() {
		this.contexts.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TokenDenylist.class));
	}

}
