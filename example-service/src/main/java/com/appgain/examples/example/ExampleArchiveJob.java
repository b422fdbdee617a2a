package com.appgain.examples.example;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.mongo.ClusterLock;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The blueprint's {@code example_thread.py}: examples left {@code inactive} (unchanged)
 * for {@code appgain.examples.archive.inactive-for} get status {@code archived}. They
 * stay in {@code examples}, readable and filterable, and their owner can make them active
 * again. Runs on one replica per schedule, under the {@link ClusterLock}.
 */
@Component
class ExampleArchiveJob {

	static final String LOCK = "example-archive";

	private static final Logger logger = LoggerFactory.getLogger(ExampleArchiveJob.class);

	private final ReactiveMongoTemplate mongo;

	private final ClusterLock lock;

	private final ExampleCache cache;

	private final ExampleProperties.Archive properties;

	private final Counter archived;

	ExampleArchiveJob(ReactiveMongoTemplate mongo, ClusterLock lock, ExampleCache cache, ExampleProperties properties,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.lock = lock;
		this.cache = cache;
		this.properties = properties.archive();
		this.archived = Counter.builder("appgain.examples.archived")
			.description("Examples archived after being inactive too long")
			.register(meters);
	}

	// Spring calls this once and subscribes to the result on every trigger.
	@Scheduled(cron = "${appgain.examples.archive.cron:0 0 * * * *}")
	Mono<Void> scheduled() {
		return Mono.defer(this::run).onErrorResume((ex) -> {
			logger.error("Archiving inactive examples failed", ex);
			return Mono.empty();
		}).then();
	}

	/**
	 * One run: how many examples were archived, or empty when another replica holds the
	 * lock.
	 */
	Mono<Long> run() {
		return this.lock.runExclusively(LOCK, this.properties.lockAtMostFor(), this.properties.lockAtLeastFor(),
				Mono.defer(() -> archiveOlderThan(Instant.now().minus(this.properties.inactiveFor()))));
	}

	private Mono<Long> archiveOlderThan(Instant cutoff) {
		return archiveBatch(cutoff)
			.expand((count) -> (count == this.properties.batchSize()) ? archiveBatch(cutoff) : Mono.empty())
			.reduce(0L, Long::sum)
			.doOnNext((total) -> logger.atInfo()
				.addKeyValue("archived", total)
				.addKeyValue("cutoff", cutoff.toString())
				.log("Archived inactive examples"));
	}

	// A batch of ids first, so their cache entries can be dropped after the update.
	private Mono<Long> archiveBatch(Instant cutoff) {
		Query batch = Query.query(stale(cutoff)).limit(this.properties.batchSize());
		batch.fields().include("_id");
		return this.mongo.find(batch, Example.class)
			.map(Example::id)
			.collectList()
			.filter((ids) -> !ids.isEmpty())
			.flatMap((ids) -> archive(ids, cutoff))
			.defaultIfEmpty(0L);
	}

	private Mono<Long> archive(List<ObjectId> ids, Instant cutoff) {
		// Still stale: an example reactivated since the find is left alone.
		Query these = Query.query(Criteria.where("_id").in(ids).andOperator(stale(cutoff)));
		Update archive = new Update().set("status", ExampleStatus.ARCHIVED.value())
			.set("updated_at", Example.now())
			.inc("version", 1);
		return this.mongo.updateMulti(these, archive, Example.class)
			.map((result) -> result.getModifiedCount())
			.doOnNext(this.archived::increment)
			.flatMap((count) -> this.cache.evict(ids).thenReturn(count));
	}

	// Inactive, and not changed since the cutoff (never changed: not created since).
	private static Criteria stale(Instant cutoff) {
		return Criteria.where("status")
			.is(ExampleStatus.INACTIVE.value())
			.orOperator(Criteria.where("updated_at").lt(cutoff),
					Criteria.where("updated_at").is(null).and("created_at").lt(cutoff));
	}

}
