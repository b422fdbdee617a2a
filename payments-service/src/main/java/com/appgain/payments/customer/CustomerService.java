package com.appgain.payments.customer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.security.AuthenticatedUser;
import com.appgain.common.api.store.MongoErrors;
import com.appgain.payments.stripe.StripeGateway;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * One Stripe customer per user, made on their first payment with the email users-service
 * knows. Concurrent first payments all ask Stripe with the same idempotency key, so they
 * get the same customer, and the first stored wins.
 */
@Service
public class CustomerService {

	private static final Logger logger = LoggerFactory.getLogger(CustomerService.class);

	private final ReactiveMongoTemplate mongo;

	private final UsersClient users;

	private final StripeGateway stripe;

	CustomerService(ReactiveMongoTemplate mongo, UsersClient users, StripeGateway stripe) {
		this.mongo = mongo;
		this.users = users;
		this.stripe = stripe;
	}

	/** The Stripe customer id of {@code user}, created on first use. */
	public Mono<String> customerIdOf(AuthenticatedUser user) {
		return find(user.id()).switchIfEmpty(Mono.defer(() -> create(user)));
	}

	private Mono<String> find(String userId) {
		return this.mongo.findById(userId, Customer.class).map(Customer::stripeCustomerId);
	}

	private Mono<String> create(AuthenticatedUser user) {
		return this.users.emailOfCaller()
			.flatMap((email) -> this.stripe.createCustomer(email, Map.of("user_id", user.id()), "customer-" + user.id())
				.flatMap((customerId) -> store(new Customer(user.id(), customerId, email, now()))));
	}

	private Mono<String> store(Customer customer) {
		Query mine = Query.query(Criteria.where("_id").is(customer.userId()));
		Update first = new Update().setOnInsert("stripe_customer_id", customer.stripeCustomerId())
			.setOnInsert("email", customer.email())
			.setOnInsert("created_at", customer.createdAt());
		return this.mongo.upsert(mine, first, Customer.class)
			.onErrorResume(MongoErrors::isDuplicateKey, (ex) -> Mono.empty())
			.then(find(customer.userId()))
			.doOnNext((id) -> logger.atInfo()
				.addKeyValue("user_id", customer.userId())
				.addKeyValue("stripe_customer_id", id)
				.log("Stripe customer stored"));
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
