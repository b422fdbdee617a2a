package com.appgain.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DevStack}, {@link EmbeddedMongo} and {@link EmbeddedRedis}, through
 * the real MongoDB reactive driver and Lettuce over TCP.
 *
 * @author AppGain
 */
class DevStackTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path dataDir;

	@Test
	void bothServersStartOnFreePortsAndAnswerRealClients() {
		try (DevStack stack = new DevStack(new DevStackSettings(this.dataDir, 0, 0)).start()) {
			assertThat(stack.mongo().port()).isPositive();
			assertThat(stack.redis().port()).isPositive();
			assertThat(stack.readyLine()).isEqualTo("devstack ready: mongodb://127.0.0.1:" + stack.mongo().port()
					+ " redis://127.0.0.1:" + stack.redis().port());
			try (MongoClient client = mongoClient(stack.mongo())) {
				Document ping = Mono.from(client.getDatabase("admin").runCommand(new Document("ping", 1)))
					.block(TIMEOUT);
				assertThat(ping.get("ok", Number.class).intValue()).isOne();
			}
			RedisClient redis = RedisClient.create(stack.redis().uri());
			try (StatefulRedisConnection<String, String> connection = redis.connect()) {
				assertThat(connection.sync().ping()).isEqualTo("PONG");
			}
			finally {
				redis.shutdown();
			}
		}
	}

	@Test
	void theReactiveDriverInsertsFindsUpdatesCountsAndIndexes() {
		try (EmbeddedMongo mongo = new EmbeddedMongo(this.dataDir.resolve("mongo.mv")).start(0);
				MongoClient client = mongoClient(mongo)) {
			MongoCollection<Document> examples = client.getDatabase("examples").getCollection("examples");
			ObjectId id = new ObjectId();
			complete(examples.insertOne(new Document("_id", id).append("name", "first").append("version", 1)));
			complete(examples.insertOne(new Document("name", "second").append("version", 1)));

			Document found = Mono.from(examples.find(Filters.eq("_id", id)).first()).block(TIMEOUT);
			assertThat(found).containsEntry("name", "first");

			complete(examples.updateOne(Filters.eq("_id", id), Updates.set("tag", "a")));
			assertThat(Mono.from(examples.countDocuments(Filters.eq("tag", "a"))).block(TIMEOUT)).isOne();
			assertThat(Mono.from(examples.countDocuments()).block(TIMEOUT)).isEqualTo(2);

			complete(examples.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true)));
			complete(examples.createIndex(Indexes.ascending("expires_at"),
					new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)));
			List<Document> indexes = Flux.from(examples.listIndexes()).collectList().block(TIMEOUT);
			assertThat(indexes).anySatisfy((index) -> assertThat(index).containsEntry("unique", true))
				.anySatisfy((index) -> assertThat(index.get("expireAfterSeconds")).isIn(0, 0L));
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> complete(examples.insertOne(new Document("name", "first"))))
				.satisfies((ex) -> assertThat(ErrorCategory.fromErrorCode(ex.getCode()))
					.isEqualTo(ErrorCategory.DUPLICATE_KEY));
		}
	}

	@Test
	void findOneAndUpdateAppliesOnlyWhenTheVersionStillMatches() {
		try (EmbeddedMongo mongo = EmbeddedMongo.inMemory().start(0); MongoClient client = mongoClient(mongo)) {
			MongoCollection<Document> examples = client.getDatabase("examples").getCollection("examples");
			ObjectId id = new ObjectId();
			complete(examples.insertOne(new Document("_id", id).append("name", "first").append("version", 1)));
			FindOneAndUpdateOptions returnAfter = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

			Document updated = Mono
				.from(examples.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.eq("version", 1)),
						Updates.combine(Updates.set("name", "renamed"), Updates.inc("version", 1)), returnAfter))
				.block(TIMEOUT);
			Document stale = Mono
				.from(examples.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.eq("version", 1)),
						Updates.combine(Updates.set("name", "lost"), Updates.inc("version", 1)), returnAfter))
				.block(TIMEOUT);

			assertThat(updated).containsEntry("name", "renamed").containsEntry("version", 2);
			assertThat(stale).isNull();
		}
	}

	// The server encodes replies outside the collection's lock; with updates changing the
	// stored document in place, a read raced them (ConcurrentModificationException).
	@Test
	void aReadRacingUpdatesOfItsDocumentGetsOneWholeVersion() throws Exception {
		try (EmbeddedMongo mongo = EmbeddedMongo.inMemory().start(0); MongoClient client = mongoClient(mongo, false)) {
			MongoCollection<Document> examples = client.getDatabase("examples").getCollection("examples");
			Document wide = new Document("_id", 1).append("n", 0);
			for (int i = 0; i < 200; i++) {
				wide.append("f" + i, "value " + i);
			}
			complete(examples.insertOne(wide));
			long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
			List<String> faults = new CopyOnWriteArrayList<>();
			AtomicInteger reads = new AtomicInteger();
			ExecutorService threads = Executors.newFixedThreadPool(4);
			try {
				// odd versions carry a field "odd" equal to n, even ones have none:
				// adding
				// and removing a key changes the document's structure on every update
				Future<Integer> writer = threads.submit(() -> {
					int n = 0;
					while (System.nanoTime() < end) {
						n++;
						complete(examples.updateOne(Filters.eq("_id", 1),
								(n % 2 == 1) ? Updates.combine(Updates.set("n", n), Updates.set("odd", n))
										: Updates.combine(Updates.set("n", n), Updates.unset("odd"))));
					}
					return n;
				});
				List<Future<?>> readers = new ArrayList<>();
				for (int r = 0; r < 3; r++) {
					readers.add(threads.submit(() -> {
						while (System.nanoTime() < end) {
							try {
								Document read = Mono.from(examples.find(Filters.eq("_id", 1)).first()).block(TIMEOUT);
								int n = read.getInteger("n");
								if (!Objects.equals(read.get("odd"), (n % 2 == 1) ? n : null)
										|| read.size() != 202 + n % 2) {
									faults.add("mixed versions: " + read.keySet());
								}
								reads.incrementAndGet();
							}
							catch (RuntimeException ex) {
								faults.add(ex.toString());
							}
						}
					}));
				}
				int writes = writer.get(30, TimeUnit.SECONDS);
				for (Future<?> reader : readers) {
					reader.get(30, TimeUnit.SECONDS);
				}
				assertThat(faults).isEmpty();
				assertThat(reads.get()).isGreaterThan(100);
				assertThat(Mono.from(examples.find(Filters.eq("_id", 1)).first()).block(TIMEOUT)).containsEntry("n",
						writes);
			}
			finally {
				threads.shutdownNow();
			}
		}
	}

	@Test
	void mongoFindsItsDataAgainAfterARestartOnTheSameFile() {
		Path file = this.dataDir.resolve("mongo.mv");
		EmbeddedMongo mongo = new EmbeddedMongo(file);
		try (MongoClient client = mongoClient(mongo.start(0))) {
			complete(client.getDatabase("users")
				.getCollection("users")
				.insertOne(new Document("email", "a@example.com")));
		}
		mongo.stop();
		try (MongoClient client = mongoClient(mongo.start(0))) {
			Document found = Mono.from(client.getDatabase("users").getCollection("users").find().first())
				.block(TIMEOUT);
			assertThat(found).containsEntry("email", "a@example.com");
		}
		finally {
			mongo.stop();
		}
	}

	@Test
	void lettuceSetsGetsIncrementsAndExpires() {
		try (EmbeddedRedis redis = EmbeddedRedis.inMemory().start(0)) {
			withRedis(redis, (commands) -> {
				assertThat(commands.set("greeting", "hello")).isEqualTo("OK");
				assertThat(commands.get("greeting")).isEqualTo("hello");
				assertThat(commands.incr("counter")).isOne();
				assertThat(commands.incr("counter")).isEqualTo(2);
				assertThat(commands.expire("counter", 60)).isTrue();
				assertThat(commands.ttl("counter")).isBetween(1L, 60L);
				assertThat(commands.pexpire("greeting", 1)).isTrue();
				await().atMost(TIMEOUT).until(() -> commands.exists("greeting") == 0);
			});
		}
	}

	@Test
	void redisFindsItsDataAgainAfterARestart() {
		EmbeddedRedis redis = new EmbeddedRedis(this.dataDir.resolve("redis"));
		int port = redis.start(0).port();
		withRedis(redis, (commands) -> commands.set("kept", "yes"));
		redis.stop();
		try {
			redis.start(port);
			withRedis(redis, (commands) -> assertThat(commands.get("kept")).isEqualTo("yes"));
		}
		finally {
			redis.stop();
		}
	}

	@Test
	void startingOnATakenPortFailsNamingThePort() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int port = taken.getLocalPort();
			assertThatExceptionOfType(PortInUseException.class).isThrownBy(() -> EmbeddedMongo.inMemory().start(port))
				.withMessage("port " + port + " (mongodb) is already in use on 127.0.0.1");
			assertThatExceptionOfType(PortInUseException.class).isThrownBy(() -> EmbeddedRedis.inMemory().start(port))
				.withMessage("port " + port + " (redis) is already in use on 127.0.0.1");
		}
	}

	@Test
	void mainPrintsOneLineAndExitsWithTwoWhenAPortIsTaken() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int port = taken.getLocalPort();
			ProcessBuilder builder = new ProcessBuilder(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					System.getProperty("java.class.path"), DevStack.class.getName());
			builder.environment().put("DATA_DIR", this.dataDir.toString());
			builder.environment().put("MONGO_PORT", "0");
			builder.environment().put("REDIS_PORT", Integer.toString(port));
			Process process = builder.start();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

			assertThat(process.exitValue()).isEqualTo(2);
			assertThat(out).isEmpty();
			assertThat(err.lines()).containsExactly("devstack: port " + port
					+ " (redis) is already in use on 127.0.0.1; stop what uses it or set REDIS_PORT");
		}
	}

	private static MongoClient mongoClient(EmbeddedMongo mongo) {
		return mongoClient(mongo, true);
	}

	private static MongoClient mongoClient(EmbeddedMongo mongo, boolean retryReads) {
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(mongo.connectionString()))
			.retryReads(retryReads)
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.build());
	}

	private static void complete(Publisher<?> publisher) {
		Mono.from(publisher).block(TIMEOUT);
	}

	private static void withRedis(EmbeddedRedis redis, Consumer<RedisCommands<String, String>> work) {
		RedisClient client = RedisClient.create(redis.uri());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			work.accept(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

}
