package com.appgain.payments.stripe;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The Stripe account and how it is called ({@code appgain.payments.stripe.*}).
 *
 * @param apiKey secret API key ({@code STRIPE_API_KEY}); empty: the service runs, but
 * payment creation answers 503
 * @param apiBase Stripe API URL ({@code STRIPE_API_BASE}), empty for Stripe itself
 * @param webhookSecret signing secret of the webhook endpoint
 * ({@code STRIPE_WEBHOOK_SECRET}); empty: webhooks answer 503
 * @param webhookTolerance oldest accepted signature timestamp
 * @param connectTimeout TCP connect timeout of a Stripe call
 * @param readTimeout longest wait for Stripe's answer
 * @param maxNetworkRetries retries of a call that failed on the network (stripe-java
 * reuses the idempotency key)
 * @param threads most Stripe calls in flight (stripe-java blocks a thread per call)
 * @param queue most calls waiting for a thread before new ones are refused
 */
@ConfigurationProperties("appgain.payments.stripe")
public record StripeProperties(String apiKey, String apiBase, String webhookSecret,
		@DefaultValue("300s") Duration webhookTolerance, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("20s") Duration readTimeout, @DefaultValue("2") int maxNetworkRetries,
		@DefaultValue("16") int threads, @DefaultValue("1000") int queue) {

	public boolean configured() {
		return StringUtils.hasText(this.apiKey);
	}

	public boolean webhooksConfigured() {
		return StringUtils.hasText(this.webhookSecret);
	}

	public boolean customApiBase() {
		return StringUtils.hasText(this.apiBase);
	}

}
