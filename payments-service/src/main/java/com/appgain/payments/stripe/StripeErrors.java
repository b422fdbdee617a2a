package com.appgain.payments.stripe;

import java.net.SocketTimeoutException;
import java.util.Set;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.appgain.common.api.error.ErrorType;

/**
 * Maps stripe-java's exceptions to what a client of this service is told. Only messages
 * about the client's own input pass through; the rest is logged and summarised.
 */
final class StripeErrors {

	private static final Logger logger = LoggerFactory.getLogger(StripeErrors.class);

	// Stripe codes that describe the request's amount: the client can fix those.
	private static final Set<String> CLIENT_CODES = Set.of("amount_too_small", "amount_too_large",
			"charge_already_refunded", "charge_disputed", "card_declined");

	private StripeErrors() {
	}

	static PaymentProviderException map(String operation, StripeException ex) {
		PaymentProviderException mapped = translate(ex);
		logger.atWarn()
			.addKeyValue("stripe_operation", operation)
			.addKeyValue("stripe_code", ex.getCode())
			.addKeyValue("stripe_status", ex.getStatusCode())
			.addKeyValue("stripe_request_id", ex.getRequestId())
			.addKeyValue("retryable", mapped.retryable())
			.log("Stripe call failed: " + ex.getMessage());
		return mapped;
	}

	private static PaymentProviderException translate(StripeException ex) {
		if (ex instanceof ApiConnectionException) {
			return (ex.getCause() instanceof SocketTimeoutException)
					? new PaymentProviderException(ErrorType.GATEWAY_TIMEOUT,
							"The payment provider did not answer in time", true, ex)
					: new PaymentProviderException(ErrorType.SERVICE_UNAVAILABLE, "The payment provider is unavailable",
							true, ex);
		}
		if (ex instanceof RateLimitException) {
			return new PaymentProviderException(ErrorType.SERVICE_UNAVAILABLE,
					"The payment provider is busy; retry shortly", true, ex);
		}
		if (ex instanceof AuthenticationException || ex instanceof PermissionException) {
			return new PaymentProviderException(ErrorType.SERVICE_UNAVAILABLE, "Payments are not configured correctly",
					false, ex);
		}
		if (ex instanceof IdempotencyException) {
			return new PaymentProviderException(ErrorType.CONFLICT,
					"The Idempotency-Key was already used for a different request", false, ex);
		}
		if ((ex instanceof InvalidRequestException || ex instanceof CardException)
				&& (CLIENT_CODES.contains(ex.getCode()) || isPaymentMethod(ex))) {
			return new PaymentProviderException(clientErrorType(ex.getCode()),
					"The payment provider refused the request: " + ex.getStripeError().getMessage(), false, ex);
		}
		if (ex instanceof InvalidRequestException || ex instanceof CardException) {
			return new PaymentProviderException(ErrorType.BAD_GATEWAY,
					"The payment provider refused the request (" + ex.getCode() + ")", false, ex);
		}
		return new PaymentProviderException(ErrorType.BAD_GATEWAY, "The payment provider failed", true, ex);
	}

	// the client named the payment method, e.g. one that does not exist
	private static boolean isPaymentMethod(StripeException ex) {
		return ex.getStripeError() != null && "payment_method".equals(ex.getStripeError().getParam());
	}

	private static ErrorType clientErrorType(String code) {
		return code.startsWith("charge_") ? ErrorType.CONFLICT : ErrorType.BAD_REQUEST;
	}

}
