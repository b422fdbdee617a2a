package com.appgain.payments.customer;

import java.time.Instant;

import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * The Stripe customer of a user, in {@code customers}. The user id is the document id, so
 * the uniqueness of one customer per user holds from the first write, without waiting for
 * an index.
 *
 * @param userId the user ({@code sub} of their token)
 * @param stripeCustomerId {@code cus_...}
 * @param email the email the customer was created with
 * @param createdAt when it was stored
 */
@Document(Customer.COLLECTION)
record Customer(@MongoId(FieldType.STRING) String userId, @Field("stripe_customer_id") String stripeCustomerId,
		String email, @Field("created_at") Instant createdAt) {

	static final String COLLECTION = "customers";

}
