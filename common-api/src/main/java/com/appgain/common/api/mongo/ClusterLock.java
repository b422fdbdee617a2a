package com.appgain.common.api.mongo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import reactor.core.publisher.Mono;

import com.appgain.common.api.store.MongoErrors;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A lease in MongoDB so that a scheduled job runs on one replica at a time (ShedLock's
 * MongoDB scheme): one document per job in {@code locks}, taken by an upsert that only
 * matches an expired lease. A replica that dies keeps the lock for at most
 * {@code atMostFor}; replicas compare leases with their own clocks, so keep those in sync
 * (NTP) and {@code atLeastFor} above their drift.
 */
public class ClusterLock {

	static final String COLLECTION = "locks";

	private final ReactiveMongoTemplate mongo;

	private final String owner;

	public ClusterLock(ReactiveMongoTemplate mongo, String owner) {
		this.mongo = mongo;
		this.owner = owner;
	}

	/**
	 * Runs {@code task} if no other replica holds lock {@code name}; completes empty,
	 * without running it, if one does. The lock is held at most {@code atMostFor} and at
	 * least {@code atLeastFor}, whatever the task does.
	 */
	public <T> Mono<T> runExclusively(String name, Duration atMostFor, Duration atLeastFor, Mono<T> task) {
		// Deferred: a scheduler subscribes to the same Mono on every trigger, and each
		// subscription must read the clock anew.
		return Mono.usingWhen(Mono.defer(() -> acquire(name, atMostFor)), (lease) -> task,
				(lease) -> release(lease, atLeastFor), (lease, ex) -> release(lease, atLeastFor),
				(lease) -> release(lease, atLeastFor));
	}

	private Mono<Lease> acquire(String name, Duration atMostFor) {
		Instant now = now();
		Query expired = Query.query(Criteria.where("_id").is(name).and("lock_until").lte(now));
		Update take = new Update().set("lock_until", now.plus(atMostFor))
			.set("locked_at", now)
			.set("locked_by", this.owner);
		return this.mongo.upsert(expired, take, COLLECTION)
			.filter((result) -> result.getMatchedCount() > 0 || result.getUpsertedId() != null)
			.map((result) -> new Lease(name, now))
			// Held by someone else: the upsert tried to insert a second document with the
			// same _id.
			.onErrorResume(MongoErrors::isDuplicateKey, (ex) -> Mono.empty());
	}

	private Mono<Void> release(Lease lease, Duration atLeastFor) {
		return Mono.defer(() -> {
			Instant earliest = lease.lockedAt().plus(atLeastFor);
			Instant now = now();
			Query mine = Query.query(Criteria.where("_id").is(lease.name()).and("locked_by").is(this.owner));
			Update free = new Update().set("lock_until", now.isAfter(earliest) ? now : earliest);
			return this.mongo.updateFirst(mine, free, COLLECTION).then();
		});
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	private record Lease(String name, Instant lockedAt) {
	}

}
