package com.appgain.payments.payment;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payments feature ({@code appgain.payments.*}).
 *
 * @param currencies accepted currencies, lowercase ISO codes
 * ({@code PAYMENTS_CURRENCIES})
 * @param idempotency how concurrent requests with one Idempotency-Key behave
 */
@ConfigurationProperties("appgain.payments")
public record PaymentProperties(@DefaultValue( {
		"usd", "eur", "gbp" }) List<String> currencies, @DefaultValue Idempotency idempotency){

	/**
	 * @param waitForConcurrent how long a request waits for a concurrent one with the
	 * same key to finish before answering 409
	 * @param pollInterval how often it looks meanwhile
	 * @param lease how long a request owns a claimed key; after that (its replica died) a
	 * retry takes the creation over, with the same Stripe idempotency key. Keep it above
	 * the longest Stripe call: (connect + read timeout) x (1 + network retries)
	 */
	public record Idempotency(@DefaultValue("10s") Duration waitForConcurrent,
			@DefaultValue("100ms") Duration pollInterval, @DefaultValue("2m") Duration lease) {

	}

}
