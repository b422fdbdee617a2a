package com.appgain.common.api.testapp;

import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import com.appgain.common.api.client.ServiceClients;
import com.appgain.common.api.response.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/** Calls the fake callee the way one service calls another. */
@RestController
class RelayController {

	private final WebClient callee;

	private final WebClient flaky;

	private final WebClient nobody;

	RelayController(ServiceClients clients) {
		this.callee = clients.create("callee");
		this.flaky = clients.create("flaky");
		this.nobody = clients.create("nobody");
	}

	@GetMapping("/api/items/relay/{mode}")
	Mono<ResponseEntity<Map<String, Object>>> relay(@PathVariable String mode) {
		WebClient client = switch (mode) {
			case "broken" -> this.flaky;
			case "down" -> this.nobody;
			default -> this.callee;
		};
		String path = mode.equals("down") ? "/echo" : "/" + mode;
		return client.get()
			.uri(path)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map((body) -> ApiResponse.ok("callee", body));
	}

}
