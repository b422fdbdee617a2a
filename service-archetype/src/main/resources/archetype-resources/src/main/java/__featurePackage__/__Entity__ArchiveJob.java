#set( $d = '$' )
package ${package}.${featurePackage};

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
 * The scheduled job (the blueprint's {@code _thread.py}): documents left {@code inactive} for
 * {@code appgain.${serviceName}.archive.inactive-for} get status {@code archived}. Runs on one
 * replica per schedule, under the {@link ClusterLock}.
 */
@Component
class ${Entity}ArchiveJob {

	static final String LOCK = "${serviceName}-archive";

	private static final Logger logger = LoggerFactory.getLogger(${Entity}ArchiveJob.class);

	private final ReactiveMongoTemplate mongo;

	private final ClusterLock lock;

	private final ${Entity}Properties.Archive properties;

	private final Counter archived;

	${Entity}ArchiveJob(ReactiveMongoTemplate mongo, ClusterLock lock, ${Entity}Properties properties,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.lock = lock;
		this.properties = properties.archive();
		this.archived = Counter.builder("appgain.${serviceName}.archived")
			.description("Documents archived after being inactive too long")
			.register(meters);
	}

	// Spring calls this once and subscribes to the result on every trigger.
	@Scheduled(cron = "${d}{appgain.${serviceName}.archive.cron:0 0 * * * *}")
	Mono<Void> scheduled() {
		return Mono.defer(this::run).onErrorResume((ex) -> {
			logger.error("Archiving inactive ${listKey} failed", ex);
			return Mono.empty();
		}).then();
	}

	/** One run: how many were archived, or empty when another replica holds the lock. */
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
				.log("Archived inactive ${listKey}"));
	}

	private Mono<Long> archiveBatch(Instant cutoff) {
		Query batch = Query.query(stale(cutoff)).limit(this.properties.batchSize());
		batch.fields().include("_id");
		return this.mongo.find(batch, ${Entity}.class)
			.map(${Entity}::id)
			.collectList()
			.filter((ids) -> !ids.isEmpty())
			.flatMap((ids) -> archive(ids, cutoff))
			.defaultIfEmpty(0L);
	}

	private Mono<Long> archive(List<ObjectId> ids, Instant cutoff) {
		// Still stale: one reactivated since the find is left alone.
		Query these = Query.query(Criteria.where("_id").in(ids).andOperator(stale(cutoff)));
		Update archive = new Update().set("status", ${Entity}Status.ARCHIVED.value())
			.set("updated_at", ${Entity}.now())
			.inc("version", 1);
		return this.mongo.updateMulti(these, archive, ${Entity}.class)
			.map((result) -> result.getModifiedCount())
			.doOnNext(this.archived::increment);
	}

	// Inactive, and not changed since the cutoff (never changed: not created since).
	private static Criteria stale(Instant cutoff) {
		return Criteria.where("status")
			.is(${Entity}Status.INACTIVE.value())
			.orOperator(Criteria.where("updated_at").lt(cutoff),
					Criteria.where("updated_at").is(null).and("created_at").lt(cutoff));
	}

}
