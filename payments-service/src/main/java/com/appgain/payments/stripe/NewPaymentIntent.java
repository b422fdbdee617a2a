package com.appgain.payments.stripe;

import java.util.Map;

/**
 * The PaymentIntent to create.
 *
 * @param amount minor units
 * @param currency lowercase ISO code
 * @param description shown in the Stripe dashboard, may be {@code null}
 * @param customer Stripe customer id
 * @param metadata {@code user_id} and {@code payment_id}, so that webhooks find the
 * payment
 */
public record NewPaymentIntent(long amount, String currency, String description, String customer,
		Map<String, String> metadata) {

}
