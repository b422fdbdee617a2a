package com.appgain.payments.payment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A refund as clients see it.
 *
 * @param id Stripe's {@code re_...}, {@code null} until Stripe accepted it
 * @param amount minor units
 * @param status {@code requested}, {@code pending}, {@code succeeded}, ...
 * @param createdAt when it was asked for
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RefundJson(String id, long amount, String status, @JsonProperty("created_at") Instant createdAt) {

}
