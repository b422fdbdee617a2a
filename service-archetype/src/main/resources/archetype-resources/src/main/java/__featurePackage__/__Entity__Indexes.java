package ${package}.${featurePackage};

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
 * Creates the indexes of {@code ${listKey}} at start-up: the list (newest first, with or
 * without a status) and the archive job walk an index instead of the collection. Creating
 * an existing index is a no-op, so every replica may run this.
 */
@Component
class ${Entity}Indexes {

	private static final Logger logger = LoggerFactory.getLogger(${Entity}Indexes.class);

	static final List<Index> INDEXES = List.of(
			new Index().on("created_at", Direction.DESC).on("_id", Direction.DESC).named("created_at_id"),
			new Index().on("status", Direction.ASC)
				.on("created_at", Direction.DESC)
				.on("_id", Direction.DESC)
				.named("status_created_at_id"));

	private final ReactiveMongoTemplate mongo;

	private final StartUpTasks startUpTasks;

	${Entity}Indexes(ReactiveMongoTemplate mongo, StartUpTasks startUpTasks) {
		this.mongo = mongo;
		this.startUpTasks = startUpTasks;
	}

	@EventListener(ApplicationStartedEvent.class)
	void createAtStartUp() {
		this.startUpTasks.run("create the indexes of ${listKey}", ensure(), logger);
	}

	Mono<Void> ensure() {
		return MongoIndexes.create(this.mongo, ${Entity}.class, INDEXES)
			.doOnSuccess((done) -> logger.info("Indexes of ${listKey} are in place"));
	}

}
