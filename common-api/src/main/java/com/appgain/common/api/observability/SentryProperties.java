package com.appgain.common.api.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Error reporting to Sentry ({@code appgain.sentry}).
 *
 * @param dsn the project's DSN ({@code SENTRY_DSN}); blank turns reporting off
 */
@ConfigurationProperties("appgain.sentry")
public record SentryProperties(String dsn) {

}
