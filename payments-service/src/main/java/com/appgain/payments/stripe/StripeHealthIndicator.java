package com.appgain.payments.stripe;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Health component {@code stripe}: whether an API key and a webhook secret are
 * configured. Always UP, so that an unconfigured Stripe never takes the service out of
 * readiness (it still serves reads and webhooks); the details say what is missing. Stripe
 * itself is not called: its outages must not flap our health.
 */
class StripeHealthIndicator implements ReactiveHealthIndicator {

	private final StripeProperties properties;

	StripeHealthIndicator(StripeProperties properties) {
		this.properties = properties;
	}

	@Override
	public Mono<Health> health() {
		return Mono.just(Health.up()
			.withDetail("configured", this.properties.configured())
			.withDetail("webhooks_configured", this.properties.webhooksConfigured())
			.withDetail("api_base", this.properties.customApiBase() ? this.properties.apiBase() : "default")
			.build());
	}

}
