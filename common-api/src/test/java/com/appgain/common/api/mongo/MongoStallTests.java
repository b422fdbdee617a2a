package com.appgain.common.api.mongo;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorMapper;
import com.appgain.devstack.EmbeddedMongo;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's MongoDB stalls (a {@link StallingProxy} in front of devstack's MongoDB
 * stops passing bytes, as a frozen or cut-off host would): requests fail with a 503
 * quickly, readiness goes down, and both come back without a restart.
 */
class MongoStallTests {

	private EmbeddedMongo mongo;

	private StallingProxy proxy;

	private ApplicationContextRunner contexts;

	@BeforeEach
	void mongoBehindAProxy() throws Exception {
		this.mongo = EmbeddedMongo.inMemory().start(0);
		this.proxy = new StallingProxy(new InetSocketAddress("127.0.0.1", this.mongo.port()));
		this.contexts = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MongoReactiveAutoConfiguration.class,
					DataMongoReactiveAutoConfiguration.class, MongoSupportAutoConfiguration.class))
			.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:" + this.proxy.port() + "/stall",
					"spring.application.name=stall");
	}

	@AfterEach
	void stop() {
		this.proxy.close();
		this.mongo.stop();
	}

	@Test
	void aStalledMongoIsAServiceUnavailableWithinTwoSecondsAndReadinessGoesDown() {
		this.contexts.run((context) -> {
			ReactiveMongoTemplate template = context.getBean(ReactiveMongoTemplate.class);
			ReactiveHealthIndicator readiness = context.getBean("mongoHealthContributor",
					ReactiveHealthIndicator.class);
			assertThat(find(template).block(Duration.ofSeconds(10))).isEqualTo("found");

			this.proxy.stall();
			try {
				long started = System.nanoTime();
				Throwable failure = find(template).map(Throwable.class::cast)
					.onErrorResume(Mono::just)
					.block(Duration.ofSeconds(10));
				long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
				ApiException answer = ErrorMapper.toApiException(failure);
				System.out.printf("MongoDB stalled: the request failed after %d ms with %d (%s)%n", millis,
						answer.type().status().value(), failure);
				assertThat(answer.type().status().value()).isEqualTo(503);
				assertThat(millis).isLessThan(2000);
				Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(readiness).equals(Status.DOWN));
			}
			finally {
				this.proxy.resume();
			}
		});
	}

	@Test
	void serviceAndReadinessComeBackWithoutARestart() {
		this.contexts.run((context) -> {
			ReactiveMongoTemplate template = context.getBean(ReactiveMongoTemplate.class);
			ReactiveHealthIndicator readiness = context.getBean("mongoHealthContributor",
					ReactiveHealthIndicator.class);
			assertThat(find(template).block(Duration.ofSeconds(10))).isEqualTo("found");
			this.proxy.stall();
			try {
				find(template).onErrorResume((ex) -> Mono.empty()).block(Duration.ofSeconds(10));
				Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(readiness).equals(Status.DOWN));
			}
			finally {
				this.proxy.resume();
			}
			long resumed = System.nanoTime();
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> "found".equals(find(template).onErrorReturn("failed").block(Duration.ofSeconds(5)))
						&& status(readiness).equals(Status.UP));
			System.out.printf("MongoDB back: requests and readiness recovered after %d ms%n",
					Duration.ofNanos(System.nanoTime() - resumed).toMillis());
		});
	}

	private static Mono<String> find(ReactiveMongoTemplate template) {
		return template.getCollection("things")
			.flatMap((things) -> Mono.from(things.find(new Document("_id", "missing")).first()))
			.map((found) -> "document")
			.defaultIfEmpty("found");
	}

	private static Status status(ReactiveHealthIndicator indicator) {
		Health health = indicator.health().block(Duration.ofSeconds(5));
		return (health != null) ? health.getStatus() : Status.UNKNOWN;
	}

}
