package com.appgain.common.api.lifecycle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class));

	@Test
	void aRegisteredServiceDeregistersFirstOnShutdown() {
		this.contexts.withUserConfiguration(Registry.class)
			.withPropertyValues("appgain.shutdown.deregistration-delay=20ms")
			.run((context) -> {
				assertThat(context).hasSingleBean(DeregisterFirstLifecycle.class);
				assertThat(context.getBean(ShutdownProperties.class).deregistrationDelay())
					.isEqualTo(Duration.ofMillis(20));
			});
	}

	@Test
	void theDelayIsFiveSecondsByDefault() {
		new ApplicationContextRunner().withUserConfiguration(ShutdownPropertiesOnly.class)
			.run((context) -> assertThat(context.getBean(ShutdownProperties.class).deregistrationDelay())
				.isEqualTo(Duration.ofSeconds(5)));
	}

	@Test
	void aUsersLifecycleWins() {
		this.contexts.withUserConfiguration(Registry.class, OwnLifecycle.class)
			.run((context) -> assertThat(context).getBean(DeregisterFirstLifecycle.class)
				.isSameAs(context.getBean("ownLifecycle")));
	}

	@Test
	void withoutARegistryOnlyTheStartUpTasksAreAdded() {
		this.contexts.run((context) -> assertThat(context).doesNotHaveBean(DeregisterFirstLifecycle.class)
			.hasSingleBean(StartUpTasks.class));
	}

	@Test
	void aTaskStillTryingStopsWithTheContext() throws InterruptedException {
		AtomicInteger tries = new AtomicInteger();
		this.contexts.run((context) -> {
			context.getBean(StartUpTasks.class)
				.run("fail", Mono.fromRunnable(tries::incrementAndGet).then(Mono.error(new IllegalStateException())),
						LoggerFactory.getLogger(LifecycleAutoConfigurationTests.class));
			assertThat(tries).hasValue(1);
		});
		// the first try again would come 0.5-1.5 s after the first
		Thread.sleep(2000);
		assertThat(tries).hasValue(1);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ShutdownProperties.class)
	static class ShutdownPropertiesOnly {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnLifecycle {

		@Bean
		DeregisterFirstLifecycle ownLifecycle(ServiceRegistry<Registration> registry, Registration registration) {
			return new DeregisterFirstLifecycle(registry, registration, Duration.ZERO);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		ServiceRegistry<Registration> serviceRegistry() {
			return new DeregisterFirstLifecycleTests.RecordingRegistry();
		}

		@Bean
		Registration registration() {
			return new DeregisterFirstLifecycleTests.TestRegistration();
		}

	}

}
