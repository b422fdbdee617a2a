package com.appgain.common.api.observability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.appgain.common.api.error.ServerErrorReporter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class))
		.withPropertyValues("spring.application.name=probe");

	@Test
	void withoutSentryDsnOrLokiUrlNothingIsShipped() {
		this.contexts.withPropertyValues("appgain.sentry.dsn=", "appgain.loki.url=").run((context) -> {
			assertThat(context).doesNotHaveBean(ServerErrorReporter.class);
			assertThat(context).doesNotHaveBean(LokiLogShipping.class);
		});
	}

	@Test
	void sentryDsnTurnsOnTheServerErrorReporter() {
		this.contexts.withPropertyValues("appgain.sentry.dsn=https://key@sentry.invalid/1")
			.run((context) -> assertThat(context).getBean(ServerErrorReporter.class)
				.isInstanceOf(SentryErrorReporter.class));
	}

	@Test
	void aUsersErrorReporterWins() {
		this.contexts.withPropertyValues("appgain.sentry.dsn=https://key@sentry.invalid/1")
			.withBean(ServerErrorReporter.class, () -> ServerErrorReporter.NONE)
			.run((context) -> assertThat(context).getBean(ServerErrorReporter.class)
				.isSameAs(ServerErrorReporter.NONE));
	}

	@Test
	void lokiUrlAttachesAnAppenderToTheRootLoggerUntilShutdown() {
		Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
		this.contexts.withPropertyValues("appgain.loki.url=http://127.0.0.1:1").run((context) -> {
			assertThat(context).hasSingleBean(LokiLogShipping.class);
			assertThat(root.getAppender("LOKI")).isNotNull();
		});
		assertThat(root.getAppender("LOKI")).isNull();
	}

}
