package com.appgain.common.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FixturesTests {

	@Test
	void mongoUriNamesHostAndPortButNoDatabase() {
		assertThat(MongoFixture.uri()).matches("mongodb://[^/]+:\\d+/");
	}

	@Test
	void mongoAcceptsARealDriverRoundTrip() {
		try (MongoClient client = MongoClients.create(MongoFixture.uri() + "?serverSelectionTimeoutMS=5000")) {
			MongoCollection<Document> examples = client.getDatabase("fixtures_tests").getCollection("examples");
			examples.deleteMany(new Document());
			examples.insertOne(new Document("name", "first").append("count", 1));
			examples.updateOne(Filters.eq("name", "first"), Updates.inc("count", 1));

			Document found = examples.find(Filters.eq("name", "first")).first();

			assertThat(found).isNotNull();
			assertThat(found.getInteger("count")).isEqualTo(2);
			assertThat(found.getObjectId("_id")).isNotNull();
		}
	}

	@Test
	void redisAnswersSetAndGetWithLettuce() {
		assertThat(RedisFixture.uri()).isEqualTo("redis://" + RedisFixture.host() + ":" + RedisFixture.port());
		RedisClient client = RedisClient.create(redisUri());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("fixtures:greeting", "hello");

			assertThat(connection.sync().get("fixtures:greeting")).isEqualTo("hello");
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void redisRefusesConnectionsWhileStoppedAndComesBackEmptyOnTheSameAddress() {
		String before = RedisFixture.uri();
		RedisClient client = RedisClient.create(redisUri());
		try {
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().set("fixtures:survivor", "yes");
			}

			RedisFixture.stop();
			assertThat(RedisFixture.isRunning()).isFalse();
			assertThatExceptionOfType(RedisConnectionException.class).isThrownBy(client::connect);

			RedisFixture.start();
			assertThat(RedisFixture.isRunning()).isTrue();
			assertThat(RedisFixture.uri()).isEqualTo(before);
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				assertThat(connection.sync().get("fixtures:survivor")).isNull();
				assertThat(connection.sync().ping()).isEqualTo("PONG");
			}
		}
		finally {
			RedisFixture.start();
			client.shutdown();
		}
	}

	@Test
	void fixturePropertiesConfigureBootMongoAndRedisAutoConfiguration() {
		Map<String, Supplier<Object>> registered = new LinkedHashMap<>();
		DynamicPropertyRegistry registry = registered::put;
		FixtureProperties.register(registry, "fixtures_boot");
		FixtureProperties.registerTestKey(registry);
		String[] properties = registered.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue().get())
			.toArray(String[]::new);

		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, DataRedisAutoConfiguration.class))
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MongoClient mongo = context.getBean(MongoClient.class);
				mongo.getDatabase("fixtures_boot").getCollection("probe").insertOne(new Document("ok", true));
				assertThat(mongo.getDatabase("fixtures_boot").getCollection("probe").countDocuments()).isPositive();
				LettuceConnectionFactory redis = context.getBean(LettuceConnectionFactory.class);
				assertThat(redis.getHostName()).isEqualTo(RedisFixture.host());
				assertThat(redis.getPort()).isEqualTo(RedisFixture.port());
				try (var connection = redis.getConnection()) {
					assertThat(connection.ping()).isEqualTo("PONG");
				}
			});
		assertThat(registered).containsKeys("spring.mongodb.uri", "spring.mongodb.database", "spring.data.redis.host",
				"spring.data.redis.port", "appgain.security.public-key");
	}

	@Test
	void blockHoundIsInstalledForEveryTestThatDependsOnThisModule() {
		Mono<String> blocking = Mono.fromCallable(() -> {
			Thread.sleep(1);
			return "slept";
		}).subscribeOn(Schedulers.parallel());

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(blocking::block)
			.havingRootCause()
			.isInstanceOf(BlockingOperationError.class);
	}

	@Test
	void redisCanBeRestartedFromANonBlockingThread() {
		Mono<Boolean> restart = Mono.fromRunnable(() -> {
			RedisFixture.stop();
			RedisFixture.start();
		}).subscribeOn(Schedulers.parallel()).then(Mono.fromCallable(RedisFixture::isRunning));

		assertThat(restart.block(Duration.ofSeconds(30))).isTrue();
	}

	private static RedisURI redisUri() {
		RedisURI uri = RedisURI.create(RedisFixture.uri());
		uri.setTimeout(Duration.ofSeconds(5));
		return uri;
	}

}
