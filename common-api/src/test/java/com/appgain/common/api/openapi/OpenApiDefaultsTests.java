package com.appgain.common.api.openapi;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDefaultsTests {

	@Test
	void theDescriptionIsUnderTheServicesOwnPathBuiltAtStartUpAndAdvertised() {
		StandardEnvironment environment = environment(
				new MockPropertySource().withProperty("spring.application.name", "examples"));
		new OpenApiDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("springdoc.api-docs.path")).isEqualTo("/api/examples/openapi");
		assertThat(environment.getProperty("springdoc.pre-loading-enabled")).isEqualTo("true");
		assertThat(environment.getProperty("eureka.instance.metadata-map.api-docs")).isEqualTo("/api/examples/openapi");
	}

	@Test
	void aServicesOwnPathWinsAndIsAdvertised() {
		StandardEnvironment environment = environment(
				new MockPropertySource().withProperty("spring.application.name", "examples")
					.withProperty("springdoc.api-docs.path", "/api/examples/description"));
		new OpenApiDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("eureka.instance.metadata-map.api-docs"))
			.isEqualTo("/api/examples/description");
	}

	@Test
	void nothingWithoutSpringdoc() {
		StandardEnvironment environment = environment(
				new MockPropertySource().withProperty("spring.application.name", "gateway"));
		SpringApplication application = new SpringApplication(
				new DefaultResourceLoader(new FilteredClassLoader("org.springdoc")));
		new OpenApiDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, application);
		assertThat(environment.containsProperty("springdoc.api-docs.path")).isFalse();
		assertThat(environment.containsProperty("eureka.instance.metadata-map.api-docs")).isFalse();
	}

	private static StandardEnvironment environment(MockPropertySource service) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(service);
		return environment;
	}

}
