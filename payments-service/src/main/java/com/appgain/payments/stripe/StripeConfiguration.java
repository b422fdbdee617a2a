package com.appgain.payments.stripe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link StripeGateway}; a missing API key is logged, not fatal. */
@Configuration(proxyBeanMethods = false)
class StripeConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StripeConfiguration.class);

	@Bean
	StripeGateway stripeGateway(StripeProperties properties) {
		if (!properties.configured()) {
			logger.warn("STRIPE_API_KEY is not set: payment creation answers 503 until it is");
		}
		if (!properties.webhooksConfigured()) {
			logger.warn("STRIPE_WEBHOOK_SECRET is not set: Stripe webhooks answer 503 until it is");
		}
		return new StripeGateway(properties);
	}

	@Bean
	StripeHealthIndicator stripeHealthIndicator(StripeProperties properties) {
		return new StripeHealthIndicator(properties);
	}

}
