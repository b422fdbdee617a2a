package com.appgain.common.api.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shutdown ({@code appgain.shutdown}).
 *
 * @param deregistrationDelay how long to keep serving after leaving the registry, so that
 * callers' caches of it drop this instance before it stops
 */
@ConfigurationProperties("appgain.shutdown")
public record ShutdownProperties(@DefaultValue("5s") Duration deregistrationDelay) {

}
