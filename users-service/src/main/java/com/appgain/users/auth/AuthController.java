package com.appgain.users.auth;

import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import com.appgain.common.api.response.ApiResponse;
import com.appgain.common.api.security.UserAuthentication;
import com.appgain.common.api.validation.JsonSchemaValidator;
import com.appgain.users.user.UserView;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login, token refresh and logout. */
@RestController
@RequestMapping("/api/users/auth")
class AuthController {

	private final AuthService auth;

	private final ClientAddresses clientAddresses;

	private final JsonSchemaValidator validator;

	AuthController(AuthService auth, ClientAddresses clientAddresses, JsonSchemaValidator validator) {
		this.auth = auth;
		this.clientAddresses = clientAddresses;
		this.validator = validator;
	}

	@PostMapping("/login")
	Mono<ResponseEntity<Map<String, Object>>> login(@RequestBody JsonNode body, ServerHttpRequest request) {
		String clientAddress = this.clientAddresses.of(request);
		return Mono.fromCallable(() -> this.validator.read(body, "users/login", LoginRequest.class))
			.flatMap((login) -> this.auth.login(login, clientAddress))
			.map(AuthController::tokens);
	}

	@PostMapping("/refresh")
	Mono<ResponseEntity<Map<String, Object>>> refresh(@RequestBody JsonNode body) {
		return Mono.fromCallable(() -> this.validator.read(body, "users/refresh", RefreshRequest.class))
			.flatMap((refresh) -> this.auth.refresh(refresh.refreshToken()))
			.map(AuthController::tokens);
	}

	@PostMapping("/logout")
	@SecurityRequirement(name = "bearer")
	Mono<ResponseEntity<Map<String, Object>>> logout(UserAuthentication caller,
			@RequestBody(required = false) JsonNode body) {
		return Mono.fromCallable(() -> refreshTokenIn(body))
			.flatMap((refreshToken) -> this.auth.logout(caller.getToken(), refreshToken.orElse(null)))
			.thenReturn(ApiResponse.ok().with("message", "Logged out successfully").build());
	}

	/**
	 * The body is optional; when there is one it may name the refresh token to revoke.
	 */
	private Optional<String> refreshTokenIn(JsonNode body) {
		if (body == null || body.isMissingNode()) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.validator.read(body, "users/logout", RefreshRequest.class).refreshToken());
	}

	private static ResponseEntity<Map<String, Object>> tokens(Session session) {
		return ApiResponse.ok()
			.with("access_token", session.accessToken().value())
			.with("refresh_token", session.refreshToken().value())
			.with("token_type", "Bearer")
			.with("expires_in", session.accessToken().expiresIn())
			.with("user", UserView.of(session.user()))
			.build();
	}

}
