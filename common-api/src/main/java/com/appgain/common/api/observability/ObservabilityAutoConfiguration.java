package com.appgain.common.api.observability;

import com.appgain.common.api.error.ServerErrorReporter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Sentry when {@code SENTRY_DSN} is set, Loki when {@code LOKI_URL} is set, request ids
 * in the MDC.
 */
@AutoConfiguration
@EnableConfigurationProperties({ SentryProperties.class, LokiProperties.class })
public final class ObservabilityAutoConfiguration {

	ObservabilityAutoConfiguration() {
		RequestIdLogContext.register();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnExpression("!'${appgain.sentry.dsn:}'.isBlank()")
	ServerErrorReporter sentryErrorReporter(SentryProperties properties,
			@Value("${spring.application.name:service}") String serviceName) {
		return new SentryErrorReporter(properties.dsn(), serviceName);
	}

	@Bean
	@ConditionalOnExpression("!'${appgain.loki.url:}'.isBlank()")
	LokiLogShipping lokiLogShipping(LokiProperties properties,
			@Value("${spring.application.name:service}") String serviceName) {
		return new LokiLogShipping(properties.url(), serviceName);
	}

}
