package com.appgain.common.api.mongo;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import com.appgain.common.api.ApiTestSupport;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterLockTests extends ApiTestSupport {

	private static final Duration AT_MOST = Duration.ofMinutes(1);

	@BeforeEach
	void noLeases() {
		this.mongo.dropCollection(ClusterLock.COLLECTION).onErrorComplete().block();
	}

	@Test
	void aFreeLockRunsTheTaskAndPassesOnItsResult() {
		ClusterLock lock = new ClusterLock(this.mongo, "replica-a");

		StepVerifier.create(lock.runExclusively("job", AT_MOST, Duration.ZERO, Mono.just(42)))
			.expectNext(42)
			.verifyComplete();
	}

	@Test
	void ofManyReplicasRacingForTheLockExactlyOneRunsTheTask() {
		AtomicInteger runs = new AtomicInteger();
		Mono<String> task = Mono.delay(Duration.ofMillis(50))
			.then(Mono.fromCallable(() -> "ran-" + runs.incrementAndGet()));

		List<String> results = Flux.range(0, 6)
			.flatMap((i) -> new ClusterLock(this.mongo, "replica-" + i).runExclusively("job", AT_MOST, Duration.ZERO,
					task))
			.collectList()
			.block();

		assertThat(results).containsExactly("ran-1");
		assertThat(runs).hasValue(1);
	}

	@Test
	void aLockHeldByAnotherReplicaSkipsTheTask() {
		ClusterLock holder = new ClusterLock(this.mongo, "replica-a");
		ClusterLock other = new ClusterLock(this.mongo, "replica-b");

		StepVerifier
			.create(holder.runExclusively("job", AT_MOST, Duration.ZERO,
					other.runExclusively("job", AT_MOST, Duration.ZERO, Mono.just("second")).defaultIfEmpty("skipped")))
			.expectNext("skipped")
			.verifyComplete();
	}

	@Test
	void theLockIsHeldAtLeastTheMinimumAfterAQuickRun() {
		ClusterLock a = new ClusterLock(this.mongo, "replica-a");
		ClusterLock b = new ClusterLock(this.mongo, "replica-b");

		a.runExclusively("job", AT_MOST, Duration.ofMinutes(5), Mono.just(1)).block();

		StepVerifier.create(b.runExclusively("job", AT_MOST, Duration.ZERO, Mono.just(2))).verifyComplete();
	}

	@Test
	void theLockIsFreedAfterARunWithoutAMinimum() {
		ClusterLock a = new ClusterLock(this.mongo, "replica-a");
		ClusterLock b = new ClusterLock(this.mongo, "replica-b");

		a.runExclusively("job", AT_MOST, Duration.ZERO, Mono.just(1)).block();

		StepVerifier.create(b.runExclusively("job", AT_MOST, Duration.ZERO, Mono.just(2)))
			.expectNext(2)
			.verifyComplete();
	}

	@Test
	void eachSubscriptionTakesTheLockAnewAsASchedulerResubscribes() {
		ClusterLock lock = new ClusterLock(this.mongo, "replica-a");
		AtomicInteger runs = new AtomicInteger();
		Mono<Integer> scheduled = lock.runExclusively("job", AT_MOST, Duration.ZERO,
				Mono.fromCallable(runs::incrementAndGet));

		StepVerifier.create(scheduled).expectNext(1).verifyComplete();
		StepVerifier.create(scheduled).expectNext(2).verifyComplete();
	}

	@Test
	void theLockIsFreedWhenTheTaskFails() {
		ClusterLock a = new ClusterLock(this.mongo, "replica-a");

		StepVerifier
			.create(a.runExclusively("job", AT_MOST, Duration.ZERO, Mono.error(new IllegalStateException("boom"))))
			.verifyErrorMessage("boom");

		StepVerifier
			.create(new ClusterLock(this.mongo, "replica-b").runExclusively("job", AT_MOST, Duration.ZERO,
					Mono.just("after failure")))
			.expectNext("after failure")
			.verifyComplete();
	}

	@Test
	void aLeaseLeftByADeadReplicaExpiresAfterItsMaximum() {
		// a replica that died mid-run never released its lease, which ran out a second
		// ago
		this.mongo
			.insert(new Document("_id", "job").append("lock_until", new Date(System.currentTimeMillis() - 1000))
				.append("locked_by", "dead-replica"), ClusterLock.COLLECTION)
			.block();

		StepVerifier
			.create(new ClusterLock(this.mongo, "replica-b").runExclusively("job", AT_MOST, Duration.ZERO,
					Mono.just("taken over")))
			.expectNext("taken over")
			.verifyComplete();
	}

	@Test
	void aLiveLeaseOfAnotherReplicaIsRespected() {
		this.mongo
			.insert(new Document("_id", "job").append("lock_until", new Date(System.currentTimeMillis() + 60_000))
				.append("locked_by", "busy-replica"), ClusterLock.COLLECTION)
			.block();

		StepVerifier
			.create(new ClusterLock(this.mongo, "replica-b").runExclusively("job", AT_MOST, Duration.ZERO,
					Mono.just("should not run")))
			.verifyComplete();
		Document lease = this.mongo
			.findOne(Query.query(Criteria.where("_id").is("job")), Document.class, ClusterLock.COLLECTION)
			.block();
		assertThat(lease.getString("locked_by")).isEqualTo("busy-replica");
	}

}
