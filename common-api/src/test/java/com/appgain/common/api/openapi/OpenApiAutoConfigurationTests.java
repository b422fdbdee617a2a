package com.appgain.common.api.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.junit.jupiter.api.Test;

import com.appgain.common.api.security.AdditionalPublicPaths;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenApiAutoConfiguration.class))
		.withPropertyValues("spring.application.name=probes");

	@Test
	void theDescriptionNamesTheServiceHasTheGatewayAsServerAndTakesBearerTokens() {
		this.contexts.run((context) -> {
			OpenAPI api = context.getBean(OpenAPI.class);
			assertThat(api.getInfo().getTitle()).isEqualTo("probes API");
			assertThat(api.getServers()).singleElement()
				.satisfies((server) -> assertThat(server.getUrl()).isEqualTo("/"));
			assertThat(api.getComponents().getSecuritySchemes()).containsKey(OpenApiAutoConfiguration.BEARER);
			assertThat(context).hasSingleBean(OpenApiErrors.class);
		});
	}

	@Test
	void aUsersDescriptionWins() {
		this.contexts.withUserConfiguration(OwnDescription.class)
			.run((context) -> assertThat(context.getBean(OpenAPI.class).getInfo().getTitle()).isEqualTo("Own"));
	}

	@Test
	void anyoneMayReadTheDescription() {
		this.contexts.withPropertyValues("springdoc.api-docs.path=/api/probes/openapi")
			.run((context) -> assertThat(context.getBean(AdditionalPublicPaths.class).paths())
				.containsExactly("GET /api/probes/openapi/**"));
	}

	@Test
	void aServiceWithoutSpringdocGetsNothing() {
		this.contexts.withClassLoader(new FilteredClassLoader("org.springdoc"))
			.run((context) -> assertThat(context).doesNotHaveBean(OpenAPI.class)
				.doesNotHaveBean(OpenApiErrors.class)
				.doesNotHaveBean(AdditionalPublicPaths.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDescription {

		@Bean
		OpenAPI ownDescription() {
			return new OpenAPI().info(new Info().title("Own"));
		}

	}

}
