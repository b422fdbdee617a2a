package com.appgain.common.api.store;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Index creation as every service does it at start-up: one index after the other, and,
 * since MongoDB may come up after the service, again and again with a back-off until it
 * answers. Creating an existing index is a no-op, so every replica may run this.
 */
public final class MongoIndexes {

	private static final Retry BACK_OFF = Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
		.maxBackoff(Duration.ofMinutes(1));

	private MongoIndexes() {
	}

	/**
	 * Creates these indexes on the collection of {@code entity}, in order.
	 * @param mongo the template
	 * @param entity the mapped document class
	 * @param indexes the indexes
	 * @return completes once every index exists
	 */
	public static Mono<Void> create(ReactiveMongoTemplate mongo, Class<?> entity, List<Index> indexes) {
		return Flux.fromIterable(indexes).concatMap((index) -> mongo.indexOps(entity).createIndex(index)).then();
	}

	/**
	 * Retries {@code creation} until it succeeds: after 1 s, doubling up to 1 min between
	 * tries.
	 * @param creation the index creation, subscribed to again on each try
	 * @return completes once a try succeeded
	 */
	public static Mono<Void> withBackOff(Mono<Void> creation) {
		return creation.retryWhen(BACK_OFF);
	}

}
