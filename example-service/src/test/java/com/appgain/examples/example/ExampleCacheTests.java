package com.appgain.examples.example;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.appgain.common.test.RedisFixture;
import com.appgain.common.test.TestTokens;
import com.appgain.examples.ExampleServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

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
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(id))),
					Update.update("name", "Changed in MongoDB"), Example.class)
			.block();

		this.http.get()
			.uri(EXAMPLES + "/{id}", id)
			.exchange()
			.expectBody()
			.jsonPath("$.example.name")
			.isEqualTo("Cached");
	}

	@Test
	void anUpdateReplacesTheCachedExample() {
		String owner = newUser();
		String id = createExample(owner, "Old name").get("id").asString();
		read(id);

		this.http.patch()
			.uri(EXAMPLES + "/{id}", id)
			.header("Authorization", bearer(TestTokens.user(owner)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"New name\"}")
			.exchange()
			.expectStatus()
			.isOk();

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
			.header("Authorization", bearer(TestTokens.user(owner)))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(cached(id)).doesNotContain("Doomed");
		this.http.get().uri(EXAMPLES + "/{id}", id).exchange().expectStatus().isNotFound();
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
			this.http.get()
				.uri(EXAMPLES + "/{id}", id)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.example.name")
				.isEqualTo("Resilient");
			this.http.patch()
				.uri(EXAMPLES + "/{id}", id)
				.header("Authorization", bearer(TestTokens.user(owner)))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"name\": \"Changed without Redis\"}")
				.exchange()
				.expectStatus()
				.isOk();
			this.http.get()
				.uri(EXAMPLES + "/{id}", id)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.example.name")
				.isEqualTo("Changed without Redis");
			this.http.get().uri(EXAMPLES).exchange().expectStatus().isOk();

			assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
			assertThat(unavailableCount()).isGreaterThan(before);
		}
		finally {
			RedisFixture.start();
		}
		awaitRedis();
		this.http.get()
			.uri(EXAMPLES + "/{id}", id)
			.exchange()
			.expectBody()
			.jsonPath("$.example.name")
			.isEqualTo("Changed without Redis");
	}

	private void awaitRedis() {
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			try {
				if ("PONG".equals(this.redis.execute((connection) -> connection.ping()).blockFirst())) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// still reconnecting
			}
			sleep();
		}
		throw new AssertionError("Redis did not come back");
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
