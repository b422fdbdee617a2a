package com.appgain.common.api.testapp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.response.ApiResponse;
import com.appgain.common.api.response.PageRequest;
import com.appgain.common.api.response.Pagination;
import com.appgain.common.api.security.AuthenticatedUser;
import com.appgain.common.api.security.Role;
import com.appgain.common.api.validation.JsonSchemaValidator;
import com.appgain.common.api.validation.ObjectIds;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that exercise every common-api path a real service uses. */
@RestController
@RequestMapping(path = "/api/items", produces = MediaType.APPLICATION_JSON_VALUE)
class ItemController {

	private final JsonSchemaValidator schemas;

	private final EchoedBodies echoed;

	ItemController(JsonSchemaValidator schemas, EchoedBodies echoed) {
		this.schemas = schemas;
		this.echoed = echoed;
	}

	record Item(String name, int quantity) {
	}

	@GetMapping("/public")
	ResponseEntity<Map<String, Object>> list(@RequestParam(required = false) String page,
			@RequestParam(required = false) String limit) {
		PageRequest request = PageRequest.of(page, limit);
		return ApiResponse.ok().with("items", List.of()).with("pagination", Pagination.of(request, 45)).build();
	}

	@GetMapping("/public/{itemId}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String itemId) {
		ObjectIds.parse(itemId, "item_id");
		throw ApiException.notFound("Item");
	}

	@GetMapping("/public/boom")
	Mono<Map<String, Object>> boom() {
		return Mono.error(new IllegalStateException("database password is hunter2"));
	}

	@GetMapping("/public/later")
	Mono<Map<String, Object>> later() {
		return Mono.delay(Duration.ofMillis(50)).thenReturn(Map.of("status", "success"));
	}

	@GetMapping("/public/request-id")
	Mono<Map<String, Object>> requestIdSeenByLogs() {
		return Mono.just("mdc")
			.subscribeOn(Schedulers.boundedElastic())
			.handle((key, sink) -> sink.next(Map.<String, Object>of(key, String.valueOf(MDC.get("request_id")))));
	}

	@PostMapping(path = "/public-echo", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Map<String, Object>>> echo(@RequestBody JsonNode body) {
		this.echoed.add(body.toString());
		return Mono.just(ApiResponse.ok("echo", body));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body,
			@AuthenticationPrincipal AuthenticatedUser user) {
		Item item = this.schemas.read(body, "items/create", Item.class);
		return ApiResponse.created().with("item", item).with("user_id", user.id()).build();
	}

	@GetMapping("/me")
	ResponseEntity<Map<String, Object>> me(@AuthenticationPrincipal AuthenticatedUser user) {
		return ApiResponse.ok("user", Map.of("id", user.id(), "role", user.role().value()));
	}

	@GetMapping("/admin")
	ResponseEntity<Map<String, Object>> admin(@AuthenticationPrincipal AuthenticatedUser user) {
		user.requireRole(Role.ADMIN);
		return ApiResponse.ok("admin", true);
	}

}
