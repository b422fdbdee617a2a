package com.appgain.payments.webhook;

import java.util.Set;

/** The Stripe event types this service acts on; every other type is acknowledged. */
final class StripeEvents {

	static final String SUCCEEDED = "payment_intent.succeeded";

	static final String FAILED = "payment_intent.payment_failed";

	static final String CANCELED = "payment_intent.canceled";

	static final String PROCESSING = "payment_intent.processing";

	static final String REFUNDED = "charge.refunded";

	static final Set<String> HANDLED = Set.of(SUCCEEDED, FAILED, CANCELED, PROCESSING, REFUNDED);

	private StripeEvents() {
	}

}
