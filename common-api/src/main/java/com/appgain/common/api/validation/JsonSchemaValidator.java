package com.appgain.common.api.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.common.api.error.ApiException;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Validates request bodies against the JSON Schema files under {@code classpath:schemas/}
 * (the blueprint's {@code validate_json(Model._json_schema)}). All schemas are read once
 * at start-up, so validation never touches the disk on a request thread.
 */
public class JsonSchemaValidator {

	private static final String LOCATION = "classpath*:schemas/**/*.json";

	private final JsonMapper jsonMapper;

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();

	public JsonSchemaValidator(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				String path = resource.getURI().toString();
				String name = path.substring(path.lastIndexOf("schemas/") + "schemas/".length(),
						path.length() - ".json".length());
				try (InputStream in = resource.getInputStream()) {
					JsonNode document = jsonMapper.readTree(in);
					this.documents.put(name, document);
					this.schemas.put(name, registry.getSchema(document));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read JSON schemas", ex);
		}
		loadMessageBundles(registry);
	}

	// The validator reads its message bundle from the jar on the first failure: do it
	// now, not on an event-loop thread.
	private void loadMessageBundles(SchemaRegistry registry) {
		Schema probe = registry.getSchema(this.jsonMapper.readTree("{\"required\": [\"a\"]}"));
		probe.validate(this.jsonMapper.readTree("{}")).forEach(Error::getMessage);
	}

	// "$" for the body itself, as a JSON path, rather than an empty string.
	private static String path(Error error) {
		String path = error.getInstanceLocation().toString();
		return path.isEmpty() ? "$" : path;
	}

	/**
	 * Checks {@code body} against schema {@code name} (the file
	 * {@code schemas/<name>.json}) and converts it; a violation is a 400 listing every
	 * failing path and reason.
	 */
	public <T> T read(JsonNode body, String name, Class<T> type) {
		validate(body, name);
		try {
			return this.jsonMapper.treeToValue(body, type);
		}
		catch (JacksonException ex) {
			throw ApiException.badRequest("Request body does not match the schema: a value is out of range");
		}
	}

	public void validate(JsonNode body, String name) {
		Schema schema = this.schemas.get(name);
		if (schema == null) {
			throw new IllegalStateException("No JSON schema named '" + name + "' under classpath:schemas/");
		}
		List<ApiException.FieldError> tooLong = LengthLimits.violations(this.documents.get(name), body);
		if (!tooLong.isEmpty()) {
			throw ApiException.invalid("Request body does not match the schema", tooLong);
		}
		List<Error> errors;
		try {
			errors = schema.validate(body);
		}
		catch (JacksonException ex) {
			// the validator converts numbers with Jackson: 1e30 against an integer
			// minimum fails there, and is the client's 400, not a 500
			throw ApiException.badRequest("Request body does not match the schema: a number is out of range");
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid("Request body does not match the schema",
					errors.stream()
						.map((error) -> new ApiException.FieldError(path(error), error.getMessage()))
						.toList());
		}
	}

}
