package com.appgain.payments.webhook;

import java.util.Locale;

import com.appgain.payments.payment.PaymentTransitions;

/** What became of one webhook delivery; the lowercase name tags the metrics. */
enum WebhookOutcome {

	PROCESSED("Event processed"),

	/** The payment already was in that or a later state (an out-of-order event). */
	STALE("Event processed; the payment was already further along"),

	UNKNOWN_PAYMENT("Event ignored: no payment of this service matches it"),

	IGNORED("Event type ignored"),

	DUPLICATE("Event already processed");

	private final String message;

	WebhookOutcome(String message) {
		this.message = message;
	}

	String message() {
		return this.message;
	}

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

	static WebhookOutcome of(PaymentTransitions.Outcome outcome) {
		return switch (outcome) {
			case APPLIED -> PROCESSED;
			case STALE -> STALE;
			case NO_PAYMENT -> UNKNOWN_PAYMENT;
		};
	}

}
