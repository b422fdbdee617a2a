package com.appgain.common.api.store;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Index creation as every service does it at start-up: one index after the other, as a
 * {@link com.appgain.common.api.lifecycle.StartUpTasks}. Creating an existing index is a
 * no-op, so every replica may run this.
 */
public final class MongoIndexes {

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

}
