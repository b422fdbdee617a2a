package com.appgain.payments.config;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code springdoc.api-docs.path} and listed in the
 * gateway's portal: its server is the gateway (the paths are gateway paths already), and
 * operations marked {@code @SecurityRequirement(name = "bearer")} take the token entered
 * once in the portal's Authorize dialog.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI serviceOpenApi(@Value("${spring.application.name}") String application) {
		return new OpenAPI().info(new Info().title(application + " API").version("v1"))
			.servers(List.of(new Server().url("/").description("the gateway")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
	}

}
