package com.appgain.common.api.observability;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class CommonDefaultsTests {

	@Test
	void defaultsAreReadFromTheYamlResource() {
		StandardEnvironment environment = new StandardEnvironment();
		new CommonDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.jackson.property-naming-strategy")).isEqualTo("SNAKE_CASE");
		assertThat(environment.getProperty("eureka.instance.lease-expiration-duration-in-seconds")).isEqualTo("4");
		assertThat(environment.getProperty("appgain.security.issuer")).isEqualTo("appgain-users");
	}

	@Test
	void anyOtherSourceOverridesADefault() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MockPropertySource().withProperty("REDIS_TIMEOUT", "80ms")
				.withProperty("server.shutdown", "immediate"));
		new CommonDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
		assertThat(environment.getProperty("spring.data.redis.timeout")).isEqualTo("80ms");
	}

}
