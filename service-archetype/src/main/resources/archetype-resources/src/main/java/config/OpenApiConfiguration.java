#set( $d = '$' )
package ${package}.config;

import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import com.appgain.common.api.error.ErrorBody;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code springdoc.api-docs.path}: bearer tokens, and
 * the error envelope of common-api on every failure an operation can answer with. Its
 * server is the gateway, so "Try it out" in the gateway's portal goes through it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	private static final String ERROR_SCHEMA = "ErrorBody";

	@Bean
	OpenAPI serviceOpenApi(@Value("${d}{spring.application.name}") String application) {
		return new OpenAPI()
			.info(new Info().title(application + " API")
				.version("v1")
				.description("Every failure is the error envelope; every success has \"status\": \"success\"."))
			.servers(List.of(new Server().url("/").description("the gateway")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
	}

	@Bean
	OpenApiCustomizer errorEnvelopes() {
		return (openApi) -> {
			Map<String, Schema> schemas = ModelConverters.getInstance().readAll(ErrorBody.class);
			schemas.forEach(openApi.getComponents()::addSchemas);
			openApi.getPaths()
				.forEach((path, item) -> item.readOperationsMap()
					.forEach((method, operation) -> addErrors(path, method, operation)));
		};
	}

	private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
		addError(operation, "400", "Bad request: malformed id, query parameter, JSON or schema violation");
		if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
			addError(operation, "401", "Missing, invalid, expired or revoked token");
		}
		if (path.contains("{")) {
			addError(operation, "404", "Not found");
		}
		if (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
			addError(operation, "403", "Authenticated, but neither the owner nor an admin");
			addError(operation, "409", "Changed by another request at the same time");
		}
	}

	private static void addError(Operation operation, String status, String description) {
		Schema<?> envelope = new Schema<>().${d}ref("#/components/schemas/" + ERROR_SCHEMA);
		operation.getResponses()
			.addApiResponse(status, new ApiResponse().description(description)
				.content(new Content().addMediaType("application/json", new MediaType().schema(envelope))));
	}

}
