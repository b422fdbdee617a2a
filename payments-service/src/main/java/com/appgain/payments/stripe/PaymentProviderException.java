package com.appgain.payments.stripe;

import java.util.List;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

/**
 * A Stripe call that failed, as the error clients see. {@link #retryable()} tells whether
 * the same call may still succeed (network, Stripe outage, rate limit): then whatever was
 * claimed for it is kept so that a retry reuses the same Stripe idempotency key.
 */
public class PaymentProviderException extends ApiException {

	private final boolean retryable;

	PaymentProviderException(ErrorType type, String message, boolean retryable, Throwable cause) {
		super(type, message, List.of(), null, cause);
		this.retryable = retryable;
	}

	public boolean retryable() {
		return this.retryable;
	}

}
