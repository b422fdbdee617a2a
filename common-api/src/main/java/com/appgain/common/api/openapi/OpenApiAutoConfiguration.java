package com.appgain.common.api.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import com.appgain.common.api.security.AdditionalPublicPaths;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI description of a service that uses springdoc, served at
 * {@code springdoc.api-docs.path} ({@code /api/<name>/openapi} by default,
 * {@link OpenApiDefaultsEnvironmentPostProcessor}) to anyone, and listed in the gateway's
 * portal: its server is the gateway (the paths are gateway paths already), operations
 * marked {@code @SecurityRequirement(name = "bearer")} take the token entered once in the
 * portal's Authorize dialog, and every failure is the error envelope
 * ({@link OpenApiErrors}).
 */
@AutoConfiguration
@ConditionalOnClass({ OpenAPI.class, OpenApiCustomizer.class })
public final class OpenApiAutoConfiguration {

	/** The security scheme that operations taking a token name. */
	public static final String BEARER = "bearer";

	@Bean
	@ConditionalOnMissingBean
	OpenAPI serviceOpenApi(@Value("${spring.application.name}") String application) {
		return new OpenAPI()
			.info(new Info().title(application + " API")
				.version("v1")
				.description("Every failure is the error envelope; every success has \"status\": \"success\"."))
			.servers(List.of(new Server().url("/").description("the gateway")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
	}

	@Bean
	@ConditionalOnMissingBean
	OpenApiErrors openApiErrors() {
		return new OpenApiErrors();
	}

	// the description and what is under it (springdoc's groups): anyone may read the API;
	// springdoc's own default path if the defaults were not applied
	@Bean
	AdditionalPublicPaths openApiPublicPaths(
			@Value("${" + OpenApiDefaultsEnvironmentPostProcessor.DOCS_PATH + ":/v3/api-docs}") String path) {
		return new AdditionalPublicPaths(List.of("GET " + path + "/**"));
	}

}
