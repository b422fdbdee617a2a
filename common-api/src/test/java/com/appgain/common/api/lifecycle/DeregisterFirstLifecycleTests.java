package com.appgain.common.api.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class DeregisterFirstLifecycleTests {

	@Test
	void stopsBeforeTheWebServerDrainsRequests() {
		DeregisterFirstLifecycle lifecycle = new DeregisterFirstLifecycle(new RecordingRegistry(), registration(),
				Duration.ZERO);
		assertThat(lifecycle.getPhase()).isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
	}

	@Test
	void stoppingDeregistersThenWaitsForCallersToNotice() {
		RecordingRegistry registry = new RecordingRegistry();
		DeregisterFirstLifecycle lifecycle = new DeregisterFirstLifecycle(registry, registration(),
				Duration.ofMillis(200));
		lifecycle.start();
		long started = System.nanoTime();
		lifecycle.stop();
		assertThat(registry.deregistered).containsExactly("examples");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(lifecycle.isRunning()).isFalse();
	}

	private static Registration registration() {
		return new TestRegistration();
	}

	static class TestRegistration extends DefaultServiceInstance implements Registration {

		TestRegistration() {
			super("examples-1", "examples", "127.0.0.1", 8082, false);
		}

	}

	static class RecordingRegistry implements ServiceRegistry<Registration> {

		final List<String> deregistered = new ArrayList<>();

		@Override
		public void register(Registration registration) {
		}

		@Override
		public void deregister(Registration registration) {
			this.deregistered.add(registration.getServiceId());
		}

		@Override
		public void close() {
		}

		@Override
		public void setStatus(Registration registration, String status) {
		}

		@Override
		public <T> T getStatus(Registration registration) {
			return null;
		}

	}

}
