package com.appgain.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.appgain.devstack.Ports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command: {@code ./run}, with the default JVM options and every port
 * moved, starts the whole suite (training Java 25's start-up caches first when a JDK 25
 * is present), the gateway routes to a service, and SIGTERM (what Ctrl-C does) stops
 * every process it started.
 */
class RunScriptSystemTests {

	private static final Path LOGS = Platform.LOGS.resolve("run");

	private static final List<String> PORTS = List.of("GATEWAY_PORT", "GATEWAY_MANAGEMENT_PORT", "REGISTRY_PORT",
			"REGISTRY_MANAGEMENT_PORT", "MONGO_PORT", "REDIS_PORT", "STRIPE_STAND_IN_PORT", "USERS_PORT",
			"USERS_MANAGEMENT_PORT", "EXAMPLES_PORT", "EXAMPLES_MANAGEMENT_PORT", "PAYMENTS_PORT",
			"PAYMENTS_MANAGEMENT_PORT");

	@Test
	void runStartsTheSuiteRoutesAndStopsEveryProcess(@TempDir Path dir) throws Exception {
		Map<String, String> ports = new HashMap<>();
		PORTS.forEach((port) -> ports.put(port, String.valueOf(Ports.freePort())));
		Files.createDirectories(LOGS);
		Path output = LOGS.resolve("run.out");
		ProcessBuilder builder = new ProcessBuilder(Platform.ROOT.resolve("run").toString()).redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().keySet().removeAll(List.of("JAVA_OPTS", "RUN_AOT", "STRIPE_API_KEY"));
		builder.environment().putAll(ports);
		builder.environment().put("DATA_DIR", dir.resolve("data").toString());
		builder.environment().put("LOG_DIR", LOGS.toString());
		Process run = builder.start();
		List<ProcessHandle> started = List.of();
		try {
			Awaitility.await("./run up")
				.atMost(Duration.ofMinutes(8))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> read(output).contains("AppGain Servers is up") || !run.isAlive());
			assertThat(read(output)).as(read(output)).contains("AppGain Servers is up");

			HttpResponse<String> examples = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + ports.get("GATEWAY_PORT") + "/api/examples"))
					.timeout(Duration.ofSeconds(15))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(examples.statusCode()).isEqualTo(200);
			assertThat(examples.body()).contains("\"status\":\"success\"");

			started = run.descendants().toList();
			assertThat(started).hasSizeGreaterThanOrEqualTo(6);
			run.destroy();
			assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("./run stopped within 90 s").isTrue();
			assertThat(read(output)).contains("Stopped.");
			assertThat(started).noneMatch(ProcessHandle::isAlive);
		}
		finally {
			run.descendants().forEach(ProcessHandle::destroyForcibly);
			started.forEach(ProcessHandle::destroyForcibly);
			run.destroyForcibly();
		}
	}

	private static String read(Path output) throws IOException {
		return Files.exists(output) ? Files.readString(output) : "";
	}

}
