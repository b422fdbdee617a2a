package com.appgain.common.api.lifecycle;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.SmartLifecycle;

/**
 * On shutdown, leaves the registry before anything else stops, then waits until callers
 * have dropped this instance from their caches; only then does the web server's graceful
 * shutdown drain in-flight requests. Without it the instance would deregister last and
 * keep receiving traffic while it drains.
 */
public class DeregisterFirstLifecycle implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DeregisterFirstLifecycle.class);

	private final ServiceRegistry<Registration> registry;

	private final Registration registration;

	private final Duration propagationDelay;

	private volatile boolean running;

	public DeregisterFirstLifecycle(ServiceRegistry<Registration> registry, Registration registration,
			Duration propagationDelay) {
		this.registry = registry;
		this.registration = registration;
		this.propagationDelay = propagationDelay;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		logger.info("Leaving the registry, then waiting " + this.propagationDelay + " before draining requests");
		try {
			this.registry.deregister(this.registration);
			Thread.sleep(this.propagationDelay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not leave the registry: " + ex.getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Stops before the web server's graceful shutdown (DEFAULT_PHASE - 1024).
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
