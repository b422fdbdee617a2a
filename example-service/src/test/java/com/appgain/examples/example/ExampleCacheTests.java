package com.appgain.examples.example;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.RedisFixture;
import com.appgain.common.test.TestTokens;
import com.appgain.examples.ExampleServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExampleCacheTests extends ExampleServiceIntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void aReadPutsTheExampleInRedisWithATimeToLive() {
		String id = createExample(newUser(), "Cached").get("id").asString();
		assertThat(cached(id)).isNull();

		read(id);

		assertThat(cached(id)).contains("\"name\":\"Cached\"").contains("\"version\":0");
		Duration ttl = this.redis.getExpire(key(id)).block();
		assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void aCachedExampleIsServedFromRedis() {
		String id = createExample(newUser(), "Cached").get("id").asString();
		read(id);
		// changed behind the service's back: only the cache can still say "Cached"
		renameInMongoDb(id, "Changed in MongoDB");

		expectName(id, "Cached");
	}

	@Test
	void anUpdateReplacesTheCachedExample() {
		String owner = newUser();
		String id = createExample(owner, "Old name").get("id").asString();
		read(id);

		rename(owner, id, "New name");

		this.http.get()
			.uri(EXAMPLES + "/{id}", id)
			.exchange()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.example.name")
			.isEqualTo("New name");
	}

	@Test
	void aDeleteLeavesATombstoneSoTheExampleCannotComeBackFromTheCache() {
		String owner = newUser();
		String id = createExample(owner, "Doomed").get("id").asString();
		read(id);

		this.http.delete()
			.uri(EXAMPLES + "/{id}", id)
			.header("Authorization", TestTokens.bearer(TestTokens.user(owner)))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(cached(id)).doesNotContain("Doomed");
		Envelopes.expectFailure(this.http.get().uri(EXAMPLES + "/{id}", id).exchange(), 404, "not_found");
		// a read that raced the delete and tries to fill the cache afterwards loses
		assertThat(this.redis.opsForValue().setIfAbsent(key(id), "stale").block()).isFalse();
	}

	@Test
	void theServiceKeepsAnsweringCorrectlyWhileRedisIsDown() {
		String owner = newUser();
		String id = createExample(owner, "Resilient").get("id").asString();
		read(id);
		double before = unavailableCount();
		RedisFixture.stop();
		try {
			Instant start = Instant.now();
			expectName(id, "Resilient");
			rename(owner, id, "Changed without Redis");
			expectName(id, "Changed without Redis");
			this.http.get().uri(EXAMPLES).exchange().expectStatus().isOk();

			assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
			assertThat(unavailableCount()).isGreaterThan(before);
		}
		finally {
			RedisFixture.start();
		}
		// a failed ping while the client reconnects is only retried
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(() -> "PONG".equals(this.redis.execute((connection) -> connection.ping()).blockFirst()));
		expectName(id, "Changed without Redis");
	}

	private double unavailableCount() {
		return this.meters.counter("appgain.examples.cache.unavailable").count();
	}

	private void read(String id) {
		this.http.get().uri(EXAMPLES + "/{id}", id).exchange().expectStatus().isOk();
	}

	private String cached(String id) {
		return this.redis.opsForValue().get(key(id)).block();
	}

	private static String key(String id) {
		return "examples:example:" + id;
	}

}
