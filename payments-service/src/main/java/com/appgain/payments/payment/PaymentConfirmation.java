package com.appgain.payments.payment;

import java.util.Set;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.security.AuthenticatedUser;
import com.appgain.payments.stripe.StripeGateway;

import org.springframework.stereotype.Service;

/**
 * Confirms the caller's payment at Stripe with a payment method id, the way Stripe's test
 * mode (and a server that collected the method itself) completes a payment without a
 * browser. The payment's status then follows Stripe's webhook events, as for a payment
 * confirmed in the browser.
 */
@Service
class PaymentConfirmation {

	private static final Set<String> CONFIRMABLE = Set.of(PaymentStatus.REQUIRES_PAYMENT_METHOD.value(),
			PaymentStatus.REQUIRES_CONFIRMATION.value(), PaymentStatus.FAILED.value());

	private final PaymentService payments;

	private final StripeGateway stripe;

	PaymentConfirmation(PaymentService payments, StripeGateway stripe) {
		this.payments = payments;
		this.stripe = stripe;
	}

	Mono<Payment> confirm(ObjectId id, String paymentMethod, AuthenticatedUser caller) {
		return this.stripe.requireConfigured()
			.then(this.payments.get(id, caller))
			.filter((payment) -> caller.owns(payment.userId()))
			.switchIfEmpty(Mono.error(() -> ApiException.forbidden("Only the payer confirms a payment")))
			.filter((payment) -> CONFIRMABLE.contains(payment.status()))
			.switchIfEmpty(Mono.error(() -> ApiException.conflict("The payment is not waiting for a payment method")))
			.flatMap((payment) -> this.stripe.confirmPaymentIntent(payment.stripePaymentIntentId(), paymentMethod)
				.thenReturn(payment));
	}

}
