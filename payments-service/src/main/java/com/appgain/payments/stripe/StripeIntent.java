package com.appgain.payments.stripe;

import com.stripe.model.PaymentIntent;

/**
 * What the service needs of a Stripe PaymentIntent.
 *
 * @param id {@code pi_...}
 * @param status Stripe's status, e.g. {@code requires_payment_method}
 * @param clientSecret what the client confirms the payment with; never stored
 * @param amountReceived minor units captured so far
 * @param customer the Stripe customer id
 * @param failureMessage the last payment error, if any
 */
public record StripeIntent(String id, String status, String clientSecret, long amountReceived, String customer,
		String failureMessage) {

	static StripeIntent of(PaymentIntent intent) {
		return new StripeIntent(intent.getId(), intent.getStatus(), intent.getClientSecret(),
				(intent.getAmountReceived() != null) ? intent.getAmountReceived() : 0, intent.getCustomer(),
				failureMessage(intent));
	}

	/** The message of the intent's last payment error, if any. */
	public static String failureMessage(PaymentIntent intent) {
		return (intent.getLastPaymentError() != null) ? intent.getLastPaymentError().getMessage() : null;
	}

}
