package com.appgain.payments.payment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.appgain.common.api.error.ApiException;

/**
 * The states of a payment, mostly Stripe's PaymentIntent statuses, ranked so that events
 * arriving in any order converge: a status only replaces one of lower rank, so a late
 * {@code processing} never overwrites {@code succeeded}. {@code processing} and
 * {@code failed} share a rank (a failed attempt can be retried, a processing one can
 * fail); between those the newer event wins.
 */
public enum PaymentStatus {

	/** Claimed here, not yet created at Stripe; never shown to clients. */
	CREATING(0),

	REQUIRES_PAYMENT_METHOD(1), REQUIRES_CONFIRMATION(1), REQUIRES_ACTION(1),

	PROCESSING(2), FAILED(2),

	REQUIRES_CAPTURE(3),

	SUCCEEDED(4), CANCELED(4),

	/** Refunded in full; partial refunds keep {@link #SUCCEEDED}. */
	REFUNDED(5);

	private static final int FINAL_RANK = 4;

	private final int rank;

	PaymentStatus(int rank) {
		this.rank = rank;
	}

	/** The stored and JSON value, e.g. {@code requires_payment_method}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isFinal() {
		return this.rank >= FINAL_RANK;
	}

	/** Statuses this one may replace whatever their age. */
	List<String> outranks() {
		return matching((other) -> other.rank < this.rank);
	}

	/** Non-final statuses of the same rank, which this one replaces when it is newer. */
	List<String> supersedesWhenNewer() {
		return isFinal() ? List.of() : matching((other) -> other.rank == this.rank && other != this);
	}

	/** Statuses the reconciliation job re-reads from Stripe when they last too long. */
	static List<String> unsettled() {
		return matching((status) -> status.rank > 0 && !status.isFinal());
	}

	/**
	 * Stripe's PaymentIntent status; one that is waiting for a new payment method after
	 * an error is {@link #FAILED}.
	 */
	public static PaymentStatus fromStripe(String status, boolean lastPaymentFailed) {
		PaymentStatus mapped = of(status);
		return (mapped == REQUIRES_PAYMENT_METHOD && lastPaymentFailed) ? FAILED : mapped;
	}

	public static PaymentStatus of(String value) {
		return Arrays.stream(values())
			.filter((status) -> status.value().equals(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown payment status '" + value + "'"));
	}

	/** The {@code status} query parameter, or a 400 naming the accepted values. */
	static PaymentStatus fromParameter(String value) {
		return Arrays.stream(values())
			.filter((status) -> status != CREATING && status.value().equals(value))
			.findFirst()
			.orElseThrow(() -> ApiException.badRequest("Parameter 'status' must be one of " + Arrays.stream(values())
				.filter((status) -> status != CREATING)
				.map(PaymentStatus::value)
				.collect(Collectors.joining(", "))));
	}

	private static List<String> matching(Predicate<PaymentStatus> filter) {
		return Arrays.stream(values()).filter(filter).map(PaymentStatus::value).toList();
	}

}
