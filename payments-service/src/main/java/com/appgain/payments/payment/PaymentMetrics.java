package com.appgain.payments.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counters of the payment lifecycle, tagged with the currency (a short configured list):
 * {@code appgain.payments.created}, {@code .succeeded}, {@code .failed},
 * {@code .canceled} (each counted once per payment, on the transition) and
 * {@code appgain.payments.refunded} (per refund Stripe accepted, tagged {@code kind} full
 * or partial).
 */
@Component
public class PaymentMetrics {

	private final MeterRegistry meters;

	PaymentMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void created(Payment payment) {
		counter("created", payment.currency()).increment();
	}

	void statusChanged(PaymentStatus status, String currency) {
		switch (status) {
			case SUCCEEDED, FAILED, CANCELED -> counter(status.value(), currency).increment();
			default -> {
			}
		}
	}

	void refunded(Payment payment, RefundEntry refund) {
		String kind = (refund.amount() >= payment.captured()) ? "full" : "partial";
		Counter.builder("appgain.payments.refunds")
			.description("Refunds accepted by Stripe")
			.tags("currency", payment.currency(), "kind", kind)
			.register(this.meters)
			.increment();
	}

	private Counter counter(String event, String currency) {
		return Counter.builder("appgain.payments.lifecycle")
			.description("Payments created and settled, by event")
			.tags("event", event, "currency", currency)
			.register(this.meters);
	}

}
