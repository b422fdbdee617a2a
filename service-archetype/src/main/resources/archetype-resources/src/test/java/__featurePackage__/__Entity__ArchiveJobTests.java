package ${package}.${featurePackage};

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import ${package}.${ServiceName}ServiceIntegrationTest;
import com.appgain.common.api.mongo.ClusterLock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled job: what it archives, and that one replica runs it per schedule. */
class ${Entity}ArchiveJobTests extends ${ServiceName}ServiceIntegrationTest {

	private static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(45));

	private static final Instant RECENTLY = Instant.now().minus(Duration.ofDays(2));

	@Autowired
	private ${Entity}ArchiveJob job;

	@Autowired
	private ${Entity}Properties properties;

	@Test
	void onlyDocumentsInactiveForLongerThanTheLimitAreArchived() {
		ObjectId stale = insert("inactive", LONG_AGO, null);
		ObjectId active = insert("active", LONG_AGO, null);
		ObjectId recentlyChanged = insert("inactive", LONG_AGO, RECENTLY);

		StepVerifier.create(this.job.run()).expectNext(1L).verifyComplete();

		assertThat(stored(stale).status()).isEqualTo("archived");
		assertThat(stored(stale).version()).isEqualTo(1L);
		assertThat(stored(active).status()).isEqualTo("active");
		assertThat(stored(recentlyChanged).status()).isEqualTo("inactive");
	}

	@Test
	void twoReplicasRacingToArchiveRunTheJobOnlyOnce() {
		ObjectId id = insert("inactive", LONG_AGO, null);

		List<Long> archived = Flux
			.merge(replica("replica-a").run().defaultIfEmpty(-1L), replica("replica-b").run().defaultIfEmpty(-1L))
			.collectList()
			.block();

		assertThat(archived).containsExactlyInAnyOrder(1L, -1L);
		assertThat(stored(id).version()).isEqualTo(1L);
	}

	@Test
	void theScheduledRunNeverFailsTheScheduler() {
		StepVerifier.create(this.job.scheduled()).verifyComplete();
	}

	private ${Entity}ArchiveJob replica(String name) {
		return new ${Entity}ArchiveJob(this.mongo, new ClusterLock(this.mongo, name), this.properties,
				new SimpleMeterRegistry());
	}

	private ObjectId insert(String status, Instant createdAt, Instant updatedAt) {
		return this.mongo.insert(new ${Entity}(null, "Left " + status, null, status, createdAt, updatedAt, "u", null))
			.map(${Entity}::id)
			.block();
	}

	private ${Entity} stored(ObjectId id) {
		return this.mongo.findById(id, ${Entity}.class).block();
	}

}
