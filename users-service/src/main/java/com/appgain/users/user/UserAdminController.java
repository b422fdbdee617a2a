package com.appgain.users.user;

import java.util.Map;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.response.ApiResponse;
import com.appgain.common.api.response.PageRequest;
import com.appgain.common.api.security.AuthenticatedUser;
import com.appgain.common.api.security.Role;
import com.appgain.common.api.validation.JsonSchemaValidator;
import com.appgain.common.api.validation.ObjectIds;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What administrators do with accounts; every endpoint is 403 for anyone else. */
@RestController
@SecurityRequirement(name = "bearer")
class UserAdminController {

	static final int MAX_SEARCH_LENGTH = 100;

	private final UserService users;

	private final JsonSchemaValidator validator;

	UserAdminController(UserService users, JsonSchemaValidator validator) {
		this.users = users;
		this.validator = validator;
	}

	@GetMapping("/api/users")
	Mono<ResponseEntity<Map<String, Object>>> list(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) String page, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String search) {
		caller.requireRole(Role.ADMIN);
		return this.users.list(searchText(search), PageRequest.of(page, limit))
			.map((result) -> ApiResponse.ok()
				.with("users", result.users().stream().map(UserView::of).toList())
				.with("pagination", result.pagination())
				.build());
	}

	@GetMapping("/api/users/{user_id}")
	Mono<ResponseEntity<Map<String, Object>>> get(@AuthenticationPrincipal AuthenticatedUser caller,
			@PathVariable("user_id") String userId) {
		caller.requireRole(Role.ADMIN);
		return this.users.get(ObjectIds.parse(userId, "user_id")).map(UserAdminController::user);
	}

	@PutMapping("/api/users/{user_id}/role")
	Mono<ResponseEntity<Map<String, Object>>> changeRole(@AuthenticationPrincipal AuthenticatedUser caller,
			@PathVariable("user_id") String userId, @RequestBody JsonNode body) {
		caller.requireRole(Role.ADMIN);
		ObjectId id = ObjectIds.parse(userId, "user_id");
		return Mono.fromCallable(() -> this.validator.read(body, "users/role", RoleRequest.class))
			.flatMap((request) -> this.users.changeRole(caller, id, Role.fromValue(request.role())))
			.map(UserAdminController::user);
	}

	@PutMapping("/api/users/{user_id}/status")
	Mono<ResponseEntity<Map<String, Object>>> changeStatus(@AuthenticationPrincipal AuthenticatedUser caller,
			@PathVariable("user_id") String userId, @RequestBody JsonNode body) {
		caller.requireRole(Role.ADMIN);
		ObjectId id = ObjectIds.parse(userId, "user_id");
		return Mono.fromCallable(() -> this.validator.read(body, "users/status", StatusRequest.class))
			.flatMap((request) -> this.users.changeStatus(caller, id, UserStatus.fromValue(request.status())))
			.map(UserAdminController::user);
	}

	/** Search text is matched literally; it must be short and printable. */
	private static String searchText(String search) {
		if (search == null || search.isBlank()) {
			return null;
		}
		String text = search.trim();
		if (text.length() > MAX_SEARCH_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
			throw ApiException
				.badRequest("Parameter 'search' must be at most " + MAX_SEARCH_LENGTH + " printable characters");
		}
		return text;
	}

	private static ResponseEntity<Map<String, Object>> user(User user) {
		return ApiResponse.ok("user", UserView.of(user));
	}

}
