package com.appgain.common.api.openapi;

import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import com.appgain.common.api.error.ErrorBody;

/**
 * Puts common-api's error envelope ({@link ErrorBody}) into a service's OpenAPI
 * description, as the answer of every failure an operation can have whatever the service:
 * 400 always, 401 where the operation takes a token, 404 where the path names a resource.
 * A service adds its own failures with {@link #add}.
 */
public class OpenApiErrors implements OpenApiCustomizer {

	/** The schema of the error envelope, under {@code #/components/schemas/}. */
	public static final String SCHEMA = "ErrorBody";

	@Override
	public void customise(OpenAPI openApi) {
		Map<String, Schema> schemas = ModelConverters.getInstance().readAll(ErrorBody.class);
		schemas.forEach(openApi.getComponents()::addSchemas);
		openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> addCommon(path, method, operation)));
	}

	private static void addCommon(String path, PathItem.HttpMethod method, Operation operation) {
		add(operation, "400", "Bad request: malformed id, query parameter, JSON or schema violation");
		if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
			add(operation, "401", "Missing, invalid, expired or revoked token");
		}
		if (path.contains("{")) {
			add(operation, "404", "Not found");
		}
	}

	/**
	 * Documents a failure of {@code operation} answered with the error envelope.
	 * @param operation the operation
	 * @param status the HTTP status, e.g. {@code "409"}
	 * @param description when it happens
	 */
	public static void add(Operation operation, String status, String description) {
		Schema<?> envelope = new Schema<>().$ref("#/components/schemas/" + SCHEMA);
		operation.getResponses()
			.addApiResponse(status, new ApiResponse().description(description)
				.content(new Content().addMediaType("application/json", new MediaType().schema(envelope))));
	}

}
