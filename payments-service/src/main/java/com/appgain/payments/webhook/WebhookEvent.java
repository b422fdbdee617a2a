package com.appgain.payments.webhook;

import java.time.Instant;

import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * A Stripe event this service received, in {@code webhook_events}: the event id is the
 * document id, so inserting it claims the event, once, whatever the number of deliveries.
 *
 * @param id Stripe's {@code evt_...}
 * @param type e.g. {@code payment_intent.succeeded}
 * @param status {@code processing} or {@code processed}
 * @param outcome what processing did, see {@link WebhookOutcome}
 * @param receivedAt first delivery (expires the document after 30 days)
 * @param leaseUntil while processing: after it, a redelivery may process it again (the
 * first processor died)
 * @param processedAt when processing finished
 */
@Document(WebhookEvent.COLLECTION)
record WebhookEvent(@MongoId(FieldType.STRING) String id, String type, String status, String outcome,
		@Field(RECEIVED_AT) Instant receivedAt, @Field(LEASE) Instant leaseUntil,
		@Field("processed_at") Instant processedAt) {

	static final String COLLECTION = "webhook_events";

	static final String PROCESSING = "processing";

	static final String PROCESSED = "processed";

	static final String RECEIVED_AT = "received_at";

	static final String LEASE = "lease_until";

	static WebhookEvent received(String id, String type, Instant now, Instant leaseUntil) {
		return new WebhookEvent(id, type, PROCESSING, null, now, leaseUntil, null);
	}

}
