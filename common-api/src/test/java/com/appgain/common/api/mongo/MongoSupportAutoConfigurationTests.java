package com.appgain.common.api.mongo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.appgain.common.api.OwnBean;
import com.appgain.common.test.MongoFixture;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.boot.mongodb.health.MongoReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class MongoSupportAutoConfigurationTests {

	private static final String READINESS = "mongoHealthContributor";

	private static final String BOUNDED_WAITS = "boundedMongoWaits";

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MongoReactiveAutoConfiguration.class, DataMongoReactiveAutoConfiguration.class,
						MongoSupportAutoConfiguration.class, MongoReactiveHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.mongodb.uri=" + MongoFixture.uri() + "mongo-support",
				"spring.application.name=mongo-support", "appgain.mongo.read-timeout=700ms");

	@Test
	void driverWaitsAreBoundedByTheConfiguredTimeouts() {
		this.contexts.run((context) -> {
			MongoClientSettings.Builder builder = MongoClientSettings.builder();
			context.getBean(BOUNDED_WAITS, MongoClientSettingsBuilderCustomizer.class).customize(builder);
			MongoClientSettings settings = builder.build();
			assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(700);
			assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1000);
			assertThat(settings.getRetryReads()).isFalse();
		});
	}

	@Test
	void textSearchesGetAScanLimitWithTheConfiguredSettings() {
		this.contexts.withPropertyValues("appgain.mongo.scans.concurrency=2", "appgain.mongo.scans.timeout=900ms")
			.run((context) -> {
				assertThat(context).hasSingleBean(ScanLimit.class);
				assertThat(context.getBean(ScanLimitProperties.class))
					.isEqualTo(new ScanLimitProperties(2, 256, Duration.ofMillis(900)));
			});
	}

	@Test
	void scheduledJobsGetAClusterLock() {
		this.contexts.run((context) -> assertThat(context).hasSingleBean(ClusterLock.class));
	}

	@Test
	void readinessPingsMongoInsteadOfBootsHelloCheck() {
		this.contexts.run((context) -> {
			ReactiveHealthIndicator readiness = context.getBean(READINESS, ReactiveHealthIndicator.class);
			assertThat(readiness).isNotInstanceOf(MongoReactiveHealthIndicator.class);
			assertThat(readiness.health().map(Health::getStatus).block(Duration.ofSeconds(10))).isEqualTo(Status.UP);
		});
	}

	@Test
	void aClusterLockOfTheServicesOwnWins() {
		this.contexts.withUserConfiguration(OwnLock.class)
			.run((context) -> OwnBean.wins(context, ClusterLock.class, "ownLock"));
	}

	@Test
	void aReadinessCheckOfTheServicesOwnWins() {
		ReactiveHealthIndicator own = () -> Mono.just(Health.up().build());
		this.contexts.withBean(READINESS, ReactiveHealthIndicator.class, () -> own)
			.run((context) -> assertThat(context.getBean(READINESS)).isSameAs(own));
	}

	@Test
	void withoutAReactiveMongoTemplateNothingIsAdded() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MongoSupportAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ClusterLock.class)
				.doesNotHaveBean(READINESS)
				.doesNotHaveBean(BOUNDED_WAITS)
				.doesNotHaveBean(MongoTimeoutProperties.class));
	}

	@Test
	void withoutSpringDataMongoOnTheClassPathNothingIsAdded() {
		this.contexts.withClassLoader(new FilteredClassLoader(ReactiveMongoTemplate.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ClusterLock.class)
				.doesNotHaveBean(BOUNDED_WAITS)
				.doesNotHaveBean(MongoTimeoutProperties.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnLock {

		@Bean
		ClusterLock ownLock(ReactiveMongoTemplate mongo) {
			return new ClusterLock(mongo, "own");
		}

	}

}
