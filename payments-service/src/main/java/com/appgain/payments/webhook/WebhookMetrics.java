package com.appgain.payments.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code appgain.payments.webhook.events}, tagged {@code type} (the handled types, else
 * {@code other}, to keep the tag's values few) and {@code outcome}.
 */
@Component
class WebhookMetrics {

	private final MeterRegistry meters;

	WebhookMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void received(String type, String outcome) {
		Counter.builder("appgain.payments.webhook.events")
			.description("Stripe webhook deliveries by event type and outcome")
			.tags("type", StripeEvents.HANDLED.contains(type) ? type : "other", "outcome", outcome)
			.register(this.meters)
			.increment();
	}

}
