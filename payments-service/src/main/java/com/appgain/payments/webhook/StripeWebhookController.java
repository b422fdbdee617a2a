package com.appgain.payments.webhook;

import java.util.Map;

import reactor.core.publisher.Mono;

import com.appgain.common.api.response.ApiResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/payments/webhooks/stripe}, public: Stripe proves itself with the
 * {@code Stripe-Signature} header over the raw body, which is why the body is taken as
 * bytes, never parsed and re-serialised first. A bad or stale signature is a 400 and
 * changes nothing; every verified event answers 200, handled or not.
 */
@RestController
class StripeWebhookController {

	static final String SIGNATURE = "Stripe-Signature";

	private final WebhookService webhooks;

	StripeWebhookController(WebhookService webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping(path = "/api/payments/webhooks/stripe", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Map<String, Object>>> receive(@RequestBody(required = false) byte[] payload,
			@RequestHeader(name = SIGNATURE, required = false) String signature) {
		return this.webhooks.receive(payload, signature)
			.map((outcome) -> ApiResponse.ok().with("message", outcome.message()).build());
	}

}
