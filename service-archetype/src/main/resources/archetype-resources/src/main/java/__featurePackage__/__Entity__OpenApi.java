package ${package}.${featurePackage};

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Puts the request body schemas into the OpenAPI description straight from the JSON Schema
 * files the handlers validate against, so the two cannot drift apart. Read once, at
 * start-up.
 */
@Component
class ${Entity}OpenApi implements OpenApiCustomizer {

	static final String CREATE = "${Entity}Create";

	static final String PATCH = "${Entity}Patch";

	private final Schema<?> create = read("schemas/${serviceName}/create.json");

	private final Schema<?> patch = read("schemas/${serviceName}/patch.json");

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents().addSchemas(CREATE, this.create).addSchemas(PATCH, this.patch);
	}

	private static Schema<?> read(String location) {
		try (InputStream in = new ClassPathResource(location).getInputStream()) {
			return Json31.mapper().readValue(in, Schema.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + location, ex);
		}
	}

}
