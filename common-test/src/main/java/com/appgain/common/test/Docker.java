package com.appgain.common.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testcontainers.DockerClientFactory;

/**
 * Decides once per JVM whether the fixtures run real containers or embedded servers.
 * <p>
 * Mode comes from system property {@code appgain.test.fixtures} or environment variable
 * {@code APPGAIN_TEST_FIXTURES}: {@code auto} (default) uses Docker when an engine
 * answers, {@code embedded} never asks Docker, {@code container} fails when there is no
 * engine.
 */
final class Docker {

	static final String MODE_PROPERTY = "appgain.test.fixtures";

	private static final long CHECK_TIMEOUT_SECONDS = 20;

	private static Boolean available;

	private Docker() {
	}

	static synchronized boolean isAvailable() {
		if (available == null) {
			available = decide();
		}
		return available;
	}

	private static boolean decide() {
		String mode = mode();
		switch (mode) {
			case "embedded":
				return false;
			case "container":
				if (!askTestcontainers()) {
					throw new IllegalStateException(MODE_PROPERTY + "=container but no Docker engine is reachable");
				}
				return true;
			case "auto":
				// Testcontainers logs an error and probes several strategies when nothing
				// is there; skipping it when no engine can exist keeps the common case
				// quiet
				return hasDockerHint() && askTestcontainers();
			default:
				throw new IllegalStateException(
						MODE_PROPERTY + " must be auto, embedded or container, not '" + mode + "'");
		}
	}

	private static String mode() {
		String value = System.getProperty(MODE_PROPERTY);
		if (value == null || value.isBlank()) {
			value = System.getenv("APPGAIN_TEST_FIXTURES");
		}
		return (value == null || value.isBlank()) ? "auto" : value.trim().toLowerCase(Locale.ROOT);
	}

	private static boolean hasDockerHint() {
		if (notBlank(System.getenv("DOCKER_HOST"))) {
			return true;
		}
		Path home = Path.of(System.getProperty("user.home"));
		List<Path> candidates = new ArrayList<>(
				List.of(home.resolve(".testcontainers.properties"), Path.of("/var/run/docker.sock"),
						home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock"),
						home.resolve(".colima/default/docker.sock"), home.resolve(".rd/docker.sock")));
		String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
		if (notBlank(runtimeDir)) {
			candidates.add(Path.of(runtimeDir, "docker.sock"));
			candidates.add(Path.of(runtimeDir, "podman", "podman.sock"));
		}
		return candidates.stream().anyMatch(Files::exists);
	}

	private static boolean askTestcontainers() {
		// a stale socket or an unreachable DOCKER_HOST can make the probe hang; never
		// let that stall the test run
		FutureTask<Boolean> check = new FutureTask<>(() -> DockerClientFactory.instance().isDockerAvailable());
		Thread thread = new Thread(check, "docker-availability-check");
		thread.setDaemon(true);
		thread.start();
		try {
			return check.get(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			thread.interrupt();
			return false;
		}
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

}
