package com.appgain.examples.example;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import com.appgain.examples.ExampleServiceIntegrationTest;
import com.appgain.common.api.mongo.ClusterLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleArchiveJobTests extends ExampleServiceIntegrationTest {

	private static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(45));

	private static final Instant RECENTLY = Instant.now().minus(Duration.ofDays(2));

	@Autowired
	private ExampleArchiveJob job;

	@Autowired
	private ExampleCache cache;

	@Autowired
	private ExampleProperties properties;

	@Test
	void examplesInactiveForLongerThanTheLimitAreArchived() {
		ObjectId neverChanged = insert("inactive", LONG_AGO, null);
		ObjectId changedLongAgo = insert("inactive", LONG_AGO, LONG_AGO.plusSeconds(60));

		StepVerifier.create(this.job.run()).expectNext(2L).verifyComplete();

		assertThat(stored(neverChanged).status()).isEqualTo("archived");
		assertThat(stored(neverChanged).version()).isEqualTo(1L);
		assertThat(stored(neverChanged).updatedAt()).isAfter(RECENTLY);
		assertThat(stored(changedLongAgo).status()).isEqualTo("archived");
	}

	@Test
	void activeRecentOrRecentlyChangedExamplesAreLeftAlone() {
		ObjectId active = insert("active", LONG_AGO, null);
		ObjectId recent = insert("inactive", RECENTLY, null);
		ObjectId recentlyChanged = insert("inactive", LONG_AGO, RECENTLY);
		ObjectId archived = insert("archived", LONG_AGO, LONG_AGO);

		StepVerifier.create(this.job.run()).expectNext(0L).verifyComplete();

		assertThat(stored(active).status()).isEqualTo("active");
		assertThat(stored(recent).status()).isEqualTo("inactive");
		assertThat(stored(recentlyChanged).status()).isEqualTo("inactive");
		assertThat(stored(archived).version()).isZero();
	}

	@Test
	void moreExamplesThanOneBatchAreAllArchivedInOneRun() {
		int count = this.properties.archive().batchSize() + 3;
		Flux.range(0, count)
			.map((i) -> new Example(null, "Stale " + i, "Left inactive", "inactive", LONG_AGO, null, "u", null))
			.buffer(200)
			.concatMap((batch) -> this.mongo.insertAll(batch))
			.blockLast();

		StepVerifier.create(this.job.run()).expectNext((long) count).verifyComplete();

		assertThat(this.mongo.count(Query.query(Criteria.where("status").is("archived")), Example.class).block())
			.isEqualTo(count);
	}

	@Test
	void archivedExamplesAreReadableAndNoLongerCachedAsInactive() {
		ObjectId id = insert("inactive", LONG_AGO, null);
		this.http.get().uri(EXAMPLES + "/{id}", id.toHexString()).exchange().expectStatus().isOk();

		this.job.run().block();

		this.http.get()
			.uri(EXAMPLES + "/{id}", id.toHexString())
			.exchange()
			.expectBody()
			.jsonPath("$.example.status")
			.isEqualTo("archived");
		this.http.get()
			.uri((uri) -> uri.path(EXAMPLES).queryParam("status", "archived").build())
			.exchange()
			.expectBody()
			.jsonPath("$.examples[0].id")
			.isEqualTo(id.toHexString());
	}

	@Test
	void twoReplicasRacingToArchiveRunTheJobOnlyOnce() {
		ObjectId id = insert("inactive", LONG_AGO, null);
		ExampleArchiveJob replicaA = replica("replica-a");
		ExampleArchiveJob replicaB = replica("replica-b");

		List<Long> archived = Flux.merge(replicaA.run().defaultIfEmpty(-1L), replicaB.run().defaultIfEmpty(-1L))
			.collectList()
			.block();

		assertThat(archived).containsExactlyInAnyOrder(1L, -1L);
		assertThat(stored(id).version()).isEqualTo(1L);
	}

	@Test
	void aReplicaRunningJustAfterAnotherFinishedDoesNotRunAgain() {
		insert("inactive", LONG_AGO, null);

		StepVerifier.create(replica("replica-a").run()).expectNext(1L).verifyComplete();
		insert("inactive", LONG_AGO, null);
		StepVerifier.create(replica("replica-b").run()).verifyComplete();
	}

	@Test
	void theScheduledMonoLooksForStaleExamplesWhenSubscribedNotWhenMade() {
		Mono<Void> scheduled = replica("replica-a").scheduled();
		ObjectId id = insert("inactive", LONG_AGO, null);

		scheduled.block();

		assertThat(stored(id).status()).isEqualTo("archived");
	}

	@Test
	void theScheduledRunNeverFailsTheScheduler() {
		StepVerifier.create(this.job.scheduled()).verifyComplete();
	}

	private ExampleArchiveJob replica(String name) {
		MeterRegistry meters = new SimpleMeterRegistry();
		return new ExampleArchiveJob(this.mongo, new ClusterLock(this.mongo, name), this.cache, this.properties,
				meters);
	}

	private ObjectId insert(String status, Instant createdAt, Instant updatedAt) {
		return this.mongo
			.insert(new Example(null, "Example " + status, "Some description", status, createdAt, updatedAt, "u", null))
			.map(Example::id)
			.block();
	}

	private Example stored(ObjectId id) {
		return this.mongo.findById(id, Example.class).block();
	}

}
