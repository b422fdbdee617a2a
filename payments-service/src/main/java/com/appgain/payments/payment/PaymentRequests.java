package com.appgain.payments.payment;

import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.validation.JsonSchemaValidator;

import org.springframework.stereotype.Component;

/**
 * Reads and checks what clients send: bodies against {@code schemas/payments/*.json} and
 * the configured currencies, the {@code Idempotency-Key} header.
 */
@Component
class PaymentRequests {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	// Stripe's limit; printable ASCII keeps it safe in logs and headers.
	private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

	private final JsonSchemaValidator validator;

	private final List<String> currencies;

	PaymentRequests(JsonSchemaValidator validator, PaymentProperties properties) {
		this.validator = validator;
		this.currencies = properties.currencies();
	}

	NewPayment newPayment(JsonNode body) {
		NewPayment request = this.validator.read(body, "payments/create", NewPayment.class);
		if (!this.currencies.contains(request.currency())) {
			throw ApiException.invalid("Request body does not match the schema",
					List.of(new ApiException.FieldError("/currency",
							"currency must be one of " + String.join(", ", this.currencies))));
		}
		return request;
	}

	/**
	 * The amount to refund; {@code null} (no body, or none in it) refunds what is left.
	 */
	Long refundAmount(JsonNode body) {
		if (body == null || body.isNull() || body.isMissingNode()) {
			return null;
		}
		return this.validator.read(body, "payments/refund", RefundBody.class).amount();
	}

	/** The {@code payment_method} to confirm with, e.g. {@code pm_card_visa}. */
	String paymentMethod(JsonNode body) {
		return this.validator.read(body, "payments/confirm", ConfirmBody.class).paymentMethod();
	}

	static String requiredKey(String value) {
		if (value == null) {
			throw ApiException.badRequest("Header '" + IDEMPOTENCY_KEY + "' is required");
		}
		return optionalKey(value);
	}

	static String optionalKey(String value) {
		if (value != null && (!KEY.matcher(value).matches() || value.isBlank())) {
			throw ApiException
				.badRequest("Header '" + IDEMPOTENCY_KEY + "' must be 1 to 255 printable ASCII characters");
		}
		return value;
	}

	record RefundBody(Long amount) {
	}

	record ConfirmBody(String paymentMethod) {
	}

}
