package com.appgain.payments.customer;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import com.appgain.common.api.client.ServiceClients;
import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * users-service, called through the registry with the caller's token relayed: a failure
 * there (down, slow, open circuit) is the matching 503/504 envelope.
 */
@Component
class UsersClient {

	private final WebClient users;

	UsersClient(ServiceClients clients) {
		this.users = clients.create("users");
	}

	/** The email of the caller of the current request. */
	Mono<String> emailOfCaller() {
		return this.users.get()
			.uri("/api/users/me")
			.retrieve()
			.bodyToMono(JsonNode.class)
			.mapNotNull((body) -> body.path("user").path("email").asString(null))
			.filter((email) -> !email.isBlank())
			.switchIfEmpty(Mono.error(() -> new ApiException(ErrorType.BAD_GATEWAY,
					"The users service returned no email for this account")));
	}

}
