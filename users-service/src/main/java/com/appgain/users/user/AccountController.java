package com.appgain.users.user;

import java.util.Map;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import com.appgain.common.api.response.ApiResponse;
import com.appgain.common.api.security.AuthenticatedUser;
import com.appgain.common.api.security.UserAuthentication;
import com.appgain.common.api.validation.JsonSchemaValidator;
import com.appgain.users.token.AccessTokens;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registration and the caller's own account. */
@RestController
class AccountController {

	private final UserService users;

	private final JsonSchemaValidator validator;

	AccountController(UserService users, JsonSchemaValidator validator) {
		this.users = users;
		this.validator = validator;
	}

	@PostMapping("/api/users")
	Mono<ResponseEntity<Map<String, Object>>> register(@RequestBody JsonNode body) {
		return Mono.fromCallable(() -> this.validator.read(body, "users/register", RegisterRequest.class))
			.flatMap(this.users::register)
			.map((user) -> ApiResponse.created()
				.with("message", "User registered successfully")
				.with("user", UserView.of(user))
				.build());
	}

	@GetMapping("/api/users/me")
	@SecurityRequirement(name = "bearer")
	Mono<ResponseEntity<Map<String, Object>>> me(@AuthenticationPrincipal AuthenticatedUser caller) {
		return this.users.get(new ObjectId(caller.id())).map(AccountController::user);
	}

	@PutMapping("/api/users/me")
	@SecurityRequirement(name = "bearer")
	Mono<ResponseEntity<Map<String, Object>>> update(UserAuthentication caller, @RequestBody JsonNode body) {
		String sessionId = caller.getToken().getClaimAsString(AccessTokens.SESSION_CLAIM);
		return Mono.fromCallable(() -> this.validator.read(body, "users/update-me", UpdateProfileRequest.class))
			.flatMap((request) -> this.users.updateProfile(caller.user(), sessionId, request))
			.map((user) -> ApiResponse.ok()
				.with("message", "User updated successfully")
				.with("user", UserView.of(user))
				.build());
	}

	private static ResponseEntity<Map<String, Object>> user(User user) {
		return ApiResponse.ok("user", UserView.of(user));
	}

}
