package com.appgain.payments.stripe;

import com.stripe.model.Refund;

/**
 * What the service needs of a Stripe Refund.
 *
 * @param id {@code re_...}
 * @param amount minor units refunded
 * @param status {@code pending}, {@code succeeded}, {@code failed}, ...
 */
public record StripeRefund(String id, long amount, String status) {

	static StripeRefund of(Refund refund) {
		return new StripeRefund(refund.getId(), refund.getAmount(), refund.getStatus());
	}

}
