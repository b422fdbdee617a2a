package com.appgain.payments.payment;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A payment as clients see it: every field always present, amounts as integers in minor
 * units, times as ISO-8601 UTC. The client secret is never part of it.
 *
 * @param id 24-hex id
 * @param userId the owner
 * @param amount minor units
 * @param currency lowercase ISO code
 * @param description optional text
 * @param status see {@link PaymentStatus}
 * @param amountReceived minor units captured
 * @param amountRefunded minor units refunded
 * @param refunds refunds made through this service
 * @param stripePaymentIntentId {@code pi_...}
 * @param failureMessage why the last attempt to pay failed, or {@code null}
 * @param createdAt creation time
 * @param updatedAt last change
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PaymentJson(String id, @JsonProperty("user_id") String userId, long amount, String currency,
		String description, String status, @JsonProperty("amount_received") long amountReceived,
		@JsonProperty("amount_refunded") long amountRefunded, List<RefundJson> refunds,
		@JsonProperty("stripe_payment_intent_id") String stripePaymentIntentId,
		@JsonProperty("failure_message") String failureMessage, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("updated_at") Instant updatedAt) {

}
