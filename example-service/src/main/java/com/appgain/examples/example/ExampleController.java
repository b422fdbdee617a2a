package com.appgain.examples.example;

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

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static com.appgain.examples.example.IfMatch.version;

/**
 * {@code /api/examples}, endpoint for endpoint as the blueprint's {@code example_api.py}.
 * Reads are public; writes need a token, and changes the owner or an admin. Every example
 * response carries its version as {@code ETag}; send it back as {@code If-Match} to have
 * a write refused (409) if someone else changed the example in between.
 */
@RestController
@RequestMapping(path = "/api/examples", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "examples")
class ExampleController {

	private static final String ID = "example_id";

	private final ExampleService examples;

	private final JsonSchemaValidator validator;

	ExampleController(ExampleService examples, JsonSchemaValidator validator) {
		this.examples = examples;
		this.validator = validator;
	}

	@GetMapping
	@Operation(summary = "List examples, newest first, with pagination and filters")
	Mono<ExampleResponses.ExampleList> list(
			@Parameter(description = "Page number, from 1") @RequestParam(required = false) String page,
			@Parameter(description = "Items per page, 1 to 100 (larger values are clamped)") @RequestParam(
					required = false) String limit,
			@Parameter(description = "active, inactive or archived") @RequestParam(required = false) String status,
			@Parameter(description = "Case-insensitive text in name or description, matched literally, "
					+ "at most 100 characters") @RequestParam(required = false) String search,
			@Parameter(description = "created_at, updated_at or name; a leading '-' sorts descending "
					+ "(default -created_at)") @RequestParam(required = false) String sort) {
		return Mono.fromCallable(() -> ExampleQuery.of(page, limit, status, search, sort)).flatMap(this.examples::list);
	}

	@GetMapping("/{example_id}")
	@Operation(summary = "Get one example")
	Mono<ResponseEntity<ExampleResponses.One>> get(@PathVariable(ID) String exampleId) {
		return Mono.fromCallable(() -> ObjectIds.parse(exampleId, ID))
			.flatMap(this.examples::get)
			.map((entry) -> ResponseEntity.ok()
				.eTag(Long.toString(entry.version()))
				.body(ExampleResponses.One.of(entry.example())));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an example owned by the caller", security = @SecurityRequirement(name = "bearer"))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(ref = "#/components/schemas/ExampleCreate")))
	Mono<ResponseEntity<ExampleResponses.Saved>> create(@RequestBody JsonNode body,
			@AuthenticationPrincipal AuthenticatedUser user) {
		return Mono.fromCallable(() -> read(body, "examples/create"))
			.flatMap((request) -> this.examples.create(request, user))
			.map((example) -> saved(HttpStatus.CREATED, example, ExampleResponses.Saved.created(example.forJson())));
	}

	@PutMapping(path = "/{example_id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace name, description and status (owner or admin)",
			security = @SecurityRequirement(name = "bearer"))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(ref = "#/components/schemas/ExampleCreate")))
	Mono<ResponseEntity<ExampleResponses.Saved>> update(@PathVariable(ID) String exampleId, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal AuthenticatedUser user) {
		return change(exampleId, body, "examples/create", ifMatch, user);
	}

	@PatchMapping(path = "/{example_id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change some of name, description and status (owner or admin)",
			security = @SecurityRequirement(name = "bearer"))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(ref = "#/components/schemas/ExamplePatch")))
	Mono<ResponseEntity<ExampleResponses.Saved>> patch(@PathVariable(ID) String exampleId, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal AuthenticatedUser user) {
		return change(exampleId, body, "examples/patch", ifMatch, user);
	}

	@DeleteMapping("/{example_id}")
	@Operation(summary = "Delete an example (owner or admin)", security = @SecurityRequirement(name = "bearer"))
	Mono<ExampleResponses.Deleted> delete(@PathVariable(ID) String exampleId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal AuthenticatedUser user) {
		return Mono.fromCallable(() -> ObjectIds.parse(exampleId, ID))
			.flatMap((id) -> this.examples.delete(id, version(ifMatch), user))
			.thenReturn(ExampleResponses.Deleted.of());
	}

	private Mono<ResponseEntity<ExampleResponses.Saved>> change(String exampleId, JsonNode body, String schema,
			String ifMatch, AuthenticatedUser user) {
		return Mono.fromCallable(() -> new Change(ObjectIds.parse(exampleId, ID), read(body, schema), version(ifMatch)))
			.flatMap((change) -> this.examples.update(change.id(), change.request(), change.version(), user))
			.map((example) -> saved(HttpStatus.OK, example, ExampleResponses.Saved.updated(example.forJson())));
	}

	private ExampleRequest read(JsonNode body, String schema) {
		return this.validator.read(body, schema, ExampleRequest.class);
	}

	private static ResponseEntity<ExampleResponses.Saved> saved(HttpStatus status, Example example,
			ExampleResponses.Saved body) {
		return ResponseEntity.status(status).eTag(Long.toString(example.version())).body(body);
	}

	private record Change(ObjectId id, ExampleRequest request, Long version) {
	}

}
