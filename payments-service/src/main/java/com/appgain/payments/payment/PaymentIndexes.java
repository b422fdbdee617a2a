package com.appgain.payments.payment;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.lifecycle.StartUpTasks;
import com.appgain.common.api.store.MongoIndexes;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of {@code payments} at start-up. The unique one on
 * {@code (user_id, idempotency_key)} is what makes a key claimable once, so payment
 * creation waits for it ({@link #ready()}), and so does readiness (health component
 * {@code paymentIndexes}). Creating an existing index is a no-op: every replica runs
 * this.
 */
@Component("paymentIndexes")
class PaymentIndexes implements ReactiveHealthIndicator {

	static final String IDEMPOTENCY_INDEX = "user_id_idempotency_key";

	private static final Logger logger = LoggerFactory.getLogger(PaymentIndexes.class);

	private static final Duration WAIT = Duration.ofSeconds(5);

	static final List<Index> INDEXES = List.of(
			new Index().on(Payment.USER_ID, Direction.ASC)
				.on(Payment.KEY, Direction.ASC)
				.unique()
				.named(IDEMPOTENCY_INDEX),
			new Index().on(Payment.USER_ID, Direction.ASC)
				.on(Payment.CREATED_AT, Direction.DESC)
				.on("_id", Direction.DESC)
				.named("user_id_created_at_id"),
			new Index().on(Payment.CREATED_AT, Direction.DESC).on("_id", Direction.DESC).named("created_at_id"),
			new Index().on(Payment.INTENT, Direction.ASC).named(Payment.INTENT),
			new Index().on(Payment.STATUS, Direction.ASC)
				.on(Payment.CHECKED_AT, Direction.ASC)
				.named("status_checked_at"));

	private final ReactiveMongoTemplate mongo;

	private final Sinks.Empty<Void> created = Sinks.empty();

	private final StartUpTasks startUpTasks;

	private volatile boolean ready;

	PaymentIndexes(ReactiveMongoTemplate mongo, StartUpTasks startUpTasks) {
		this.mongo = mongo;
		this.startUpTasks = startUpTasks;
	}

	@EventListener(ApplicationStartedEvent.class)
	void createAtStartUp() {
		this.startUpTasks.run("create the indexes of payments", ensure(), logger, this::created);
	}

	Mono<Void> ensure() {
		return MongoIndexes.create(this.mongo, Payment.class, INDEXES);
	}

	private void created() {
		this.ready = true;
		this.created.tryEmitEmpty();
		logger.info("Indexes of payments are in place");
	}

	/** Completes once the indexes exist; 503 if they do not soon. */
	Mono<Void> ready() {
		return this.ready ? Mono.empty()
				: this.created.asMono()
					.timeout(WAIT, Mono.error(
							() -> ApiException.serviceUnavailable("Payments are starting up; retry in a few seconds")));
	}

	@Override
	public Mono<Health> health() {
		return Mono.just(this.ready ? Health.up().build() : Health.outOfService().build());
	}

}
