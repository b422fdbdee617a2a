package com.appgain.examples.example;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.lifecycle.StartUpTasks;
import com.appgain.common.api.store.MongoIndexes;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of {@code examples} at start-up, one per query shape: every list
 * page (any filter, any allowed sort) and the archive job walk an index instead of the
 * collection. Creating an existing index is a no-op, so every replica may run this.
 */
@Component
class ExampleIndexes {

	private static final Logger logger = LoggerFactory.getLogger(ExampleIndexes.class);

	// The status-first ones also serve "status = ?" alone; the others the unfiltered
	// list.
	static final List<Index> INDEXES = List.of(index("created_at", Direction.DESC), index("updated_at", Direction.DESC),
			index("name", Direction.ASC), index("status", "created_at", Direction.DESC),
			index("status", "updated_at", Direction.DESC), index("status", "name", Direction.ASC),
			new Index().on("user_id", Direction.ASC).on("created_at", Direction.DESC).named("user_id_created_at"));

	private final ReactiveMongoTemplate mongo;

	private final StartUpTasks startUpTasks;

	ExampleIndexes(ReactiveMongoTemplate mongo, StartUpTasks startUpTasks) {
		this.mongo = mongo;
		this.startUpTasks = startUpTasks;
	}

	@EventListener(ApplicationStartedEvent.class)
	void createAtStartUp() {
		this.startUpTasks.run("create the indexes of examples", ensure(), logger);
	}

	Mono<Void> ensure() {
		return MongoIndexes.create(this.mongo, Example.class, INDEXES)
			.doOnSuccess((done) -> logger.info("Indexes of examples are in place"));
	}

	// Sorted field, then _id in the same direction: the order of ExampleQuery.
	private static Index index(String field, Direction direction) {
		return new Index().on(field, direction).on("_id", direction).named(field + "_id");
	}

	private static Index index(String prefix, String field, Direction direction) {
		return new Index().on(prefix, Direction.ASC)
			.on(field, direction)
			.on("_id", direction)
			.named(prefix + "_" + field + "_id");
	}

}
