package com.appgain.common.api.mongo;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * What every MongoDB-backed service shares: bounded driver waits, the {@code mongo}
 * readiness check, the {@link ScanLimit} of text searches and the {@link ClusterLock}
 * that makes scheduled jobs (the blueprint's {@code *_thread.py}) run once per cluster,
 * not once per replica.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
		beforeName = {
				"org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
				"org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration" })
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
@EnableScheduling
@EnableConfigurationProperties({ MongoTimeoutProperties.class, ScanLimitProperties.class })
public final class MongoSupportAutoConfiguration {

	private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * The driver waits for ever by default: an operation on a stalled MongoDB would hang
	 * until the gateway gives up. These bound each read, connect, server selection and
	 * wait for a pooled connection, so the caller gets its 503 within about one read
	 * timeout (reads are not retried by the driver unless configured), and a monitor that
	 * checks every few seconds notices the return. Timeouts in the connection string
	 * still win.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	MongoClientSettingsBuilderCustomizer boundedMongoWaits(MongoTimeoutProperties timeouts) {
		return (settings) -> settings.retryReads(timeouts.retryReads())
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout((int) timeouts.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
						.readTimeout((int) timeouts.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
			.applyToClusterSettings((cluster) -> cluster
				.serverSelectionTimeout(timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
			.applyToConnectionPoolSettings(
					(pool) -> pool.maxWaitTime(timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
			.applyToServerSettings((server) -> server.heartbeatFrequency(timeouts.heartbeatFrequency().toMillis(),
					TimeUnit.MILLISECONDS));
	}

	@Bean
	@ConditionalOnMissingBean
	ScanLimit scanLimit(ScanLimitProperties settings, ObjectProvider<MeterRegistry> meters) {
		return new ScanLimit(settings, meters.getIfAvailable(() -> Metrics.globalRegistry));
	}

	@Bean
	@ConditionalOnMissingBean
	ClusterLock clusterLock(ReactiveMongoTemplate mongo, @Value("${spring.application.name}") String application) {
		String host = System.getenv().getOrDefault("HOSTNAME", "local");
		return new ClusterLock(mongo, application + "@" + host + "/" + UUID.randomUUID());
	}

	/**
	 * A {@code ping} on the service's database. Boot's own indicator sends {@code hello},
	 * which the embedded MongoDB of local runs does not know, so readiness would never
	 * come up there; every MongoDB answers {@code ping}.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "mongoHealthContributor")
	ReactiveHealthIndicator mongoHealthContributor(ReactiveMongoTemplate mongo) {
		return new AbstractReactiveHealthIndicator("MongoDB is unreachable") {

			@Override
			protected Mono<Health> doHealthCheck(Health.Builder builder) {
				return mongo.executeCommand("{ping: 1}").timeout(PING_TIMEOUT).map((reply) -> builder.up().build());
			}

		};
	}

}
