package com.appgain.users.token;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public keys tokens are verified with (RFC 7517), for the gateway and
 * every service. A plain JWK set, not the success envelope, as JWKS clients expect.
 */
@RestController
class JwksController {

	private final Map<String, Object> jwkSet;

	JwksController(SigningKeys keys) {
		this.jwkSet = keys.publicJwkSet();
	}

	@GetMapping(path = "/api/users/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.jwkSet);
	}

}
