package ${package}.${featurePackage};

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import com.appgain.common.api.security.AuthenticatedUser;
import com.appgain.common.api.validation.JsonSchemaValidator;
import com.appgain.common.api.validation.ObjectIds;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/${serviceName}}: reads are public (see {@code appgain.security.public-paths}); writes
 * need a token, and changes the owner or an admin. Bodies are read through their JSON
 * Schema, ids through {@link ObjectIds}; every failure is an {@code ApiException}.
 */
@RestController
@RequestMapping(path = "/api/${serviceName}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "${serviceName}")
class ${Entity}Controller {

	private static final String ID = "${entity}_id";

	private final ${Entity}Service service;

	private final JsonSchemaValidator validator;

	${Entity}Controller(${Entity}Service service, JsonSchemaValidator validator) {
		this.service = service;
		this.validator = validator;
	}

	@GetMapping
	@Operation(summary = "List, newest first, with pagination and filters")
	Mono<${Entity}Responses.Listed> list(
			@Parameter(description = "Page number, from 1") @RequestParam(required = false) String page,
			@Parameter(description = "Items per page, 1 to 100 (larger values are clamped)") @RequestParam(
					required = false) String limit,
			@Parameter(description = "active, inactive or archived") @RequestParam(required = false) String status,
			@Parameter(description = "Case-insensitive text in name or description, matched literally, "
					+ "at most 100 characters") @RequestParam(required = false) String search) {
		return Mono.fromCallable(() -> ${Entity}Query.of(page, limit, status, search)).flatMap(this.service::list);
	}

	@GetMapping("/{${entity}_id}")
	@Operation(summary = "Get one by id")
	Mono<${Entity}Responses.One> get(@PathVariable(ID) String id) {
		return Mono.fromCallable(() -> ObjectIds.parse(id, ID))
			.flatMap(this.service::get)
			.map((found) -> ${Entity}Responses.One.of(found.forJson()));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create one owned by the caller", security = @SecurityRequirement(name = "bearer"))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(ref = "#/components/schemas/" + ${Entity}OpenApi.CREATE)))
	Mono<${Entity}Responses.Saved> create(@RequestBody JsonNode body, @AuthenticationPrincipal AuthenticatedUser user) {
		return Mono.fromCallable(() -> read(body, "${serviceName}/create"))
			.flatMap((request) -> this.service.create(request, user))
			.map((created) -> ${Entity}Responses.Saved.created(created.forJson()));
	}

	@PatchMapping(path = "/{${entity}_id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change some of name, description and status (owner or admin)",
			security = @SecurityRequirement(name = "bearer"))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(ref = "#/components/schemas/" + ${Entity}OpenApi.PATCH)))
	Mono<${Entity}Responses.Saved> patch(@PathVariable(ID) String id, @RequestBody JsonNode body,
			@AuthenticationPrincipal AuthenticatedUser user) {
		return Mono.fromCallable(() -> new Change(ObjectIds.parse(id, ID), read(body, "${serviceName}/patch")))
			.flatMap((change) -> this.service.update(change.id(), change.request(), user))
			.map((updated) -> ${Entity}Responses.Saved.updated(updated.forJson()));
	}

	@DeleteMapping("/{${entity}_id}")
	@Operation(summary = "Delete one (owner or admin)", security = @SecurityRequirement(name = "bearer"))
	Mono<${Entity}Responses.Deleted> delete(@PathVariable(ID) String id,
			@AuthenticationPrincipal AuthenticatedUser user) {
		return Mono.fromCallable(() -> ObjectIds.parse(id, ID))
			.flatMap((objectId) -> this.service.delete(objectId, user))
			.thenReturn(${Entity}Responses.Deleted.of());
	}

	private ${Entity}Request read(JsonNode body, String schema) {
		return this.validator.read(body, schema, ${Entity}Request.class);
	}

	private record Change(ObjectId id, ${Entity}Request request) {
	}

}
