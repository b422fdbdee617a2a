package com.appgain.registry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The registry's own settings (Eureka's are under {@code eureka.*}).
 *
 * @param serveReadsAfter how long after start reads of the registry's contents answer 503
 * ({@code REGISTRY_SERVE_READS_AFTER}): time for every instance's next heartbeat to
 * register it again, see {@link ReadsHeldAtStartFilter}; zero serves them at once
 */
@ConfigurationProperties("appgain.registry")
record RegistryProperties(Duration serveReadsAfter) {

}
