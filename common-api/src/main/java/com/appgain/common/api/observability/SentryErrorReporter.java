package com.appgain.common.api.observability;

import io.sentry.Sentry;

import com.appgain.common.api.error.ServerErrorReporter;

/**
 * Sends unexpected server failures to Sentry; only created when {@code SENTRY_DSN} is
 * set.
 */
public class SentryErrorReporter implements ServerErrorReporter {

	public SentryErrorReporter(String dsn, String serviceName) {
		Sentry.init((options) -> {
			options.setDsn(dsn);
			options.setServerName(serviceName);
			options.setEnvironment(System.getenv().getOrDefault("SENTRY_ENVIRONMENT", "production"));
		});
	}

	@Override
	public void report(Throwable ex) {
		// Sentry queues the event and sends it from its own thread.
		Sentry.captureException(ex);
	}

}
