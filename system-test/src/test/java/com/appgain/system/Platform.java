package com.appgain.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import com.appgain.devstack.Ports;
import com.appgain.devstack.stripe.FakeStripe;

/**
 * The suite as it runs for real: devstack, registry, services and the gateway, each the
 * jar the build produced, started as its own process on free ports (actuator on a
 * management port of its own), with the registry's credentials, logging to
 * {@code target/system-logs/<test class>/}, so that each test class's logs outlive the
 * next class's run.
 */
final class Platform implements AutoCloseable {

	static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath();

	static final Path LOGS = ROOT.resolve("system-test/target/system-logs");

	// -javaagent:...jacocoagent.jar=destfile=... from the build, or empty when it
	// measures no coverage
	private static final String COVERAGE_AGENT = System.getProperty("system.coverage.agent", "");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<Process> processes = new ArrayList<>();

	/**
	 * How many of the first processes are the infrastructure: the stores and the
	 * registry.
	 */
	private int infrastructure;

	private final Path dataDir;

	/** Each started process's Prometheus endpoint, by process name. */
	final Map<String, String> metricsUrls = new java.util.LinkedHashMap<>();

	final int mongoPort = Ports.freePort();

	final int redisPort = Ports.freePort();

	final int registryPort = Ports.freePort();

	final int gatewayPort = Ports.freePort();

	final String registryPassword = UUID.randomUUID().toString();

	private final Map<String, Integer> managementPorts = new HashMap<>();

	private String jwksUri;

	private final Path logs;

	Platform(Class<?> testClass) throws IOException {
		this.logs = Files.createDirectories(LOGS.resolve(testClass.getSimpleName()));
		this.dataDir = Files.createTempDirectory("appgain-system");
	}

	String gatewayUrl() {
		return "http://127.0.0.1:" + this.gatewayPort;
	}

	/**
	 * Starts the whole suite on this platform (already assigned by the caller, so that a
	 * start-up failure still stops what did start): devstack, registry, every service
	 * with payments on the given Stripe stand-in, and the gateway with the given extra
	 * environment, then waits until the gateway routes to each service.
	 */
	void startSuite(FakeStripe stripe, Map<String, String> gatewayEnv) throws Exception {
		startInfrastructure();
		startService("users-service", "users", Map.of());
		startService("example-service", "examples", Map.of());
		startService("payments-service", "payments", Map.of("STRIPE_API_KEY", FakeStripe.API_KEY, "STRIPE_API_BASE",
				stripe.baseUrl(), "STRIPE_WEBHOOK_SECRET", FakeStripe.WEBHOOK_SECRET));
		startGateway(gatewayEnv);
		awaitRoute("/api/users/.well-known/jwks.json");
		awaitRoute("/api/examples");
		awaitPostRoute("/api/payments/webhooks/stripe", 400);
	}

	Platform startInfrastructure() throws Exception {
		Process devstack = start("devstack", "devstack", Map.of("DATA_DIR", this.dataDir.toString(), "MONGO_PORT",
				String.valueOf(this.mongoPort), "REDIS_PORT", String.valueOf(this.redisPort)));
		await("devstack", Duration.ofSeconds(60), () -> logContains("devstack", "devstack ready"), devstack);
		Process registry = start("registry", "registry", Map.of("PORT", String.valueOf(this.registryPort)));
		await("registry", Duration.ofSeconds(120), () -> ok(managementUrl("registry") + "/actuator/health"), registry);
		this.infrastructure = this.processes.size();
		this.metricsUrls.put("registry", managementUrl("registry") + "/actuator/prometheus");
		return this;
	}

	/**
	 * Starts a service module as {@code name}, with its own database, and waits until it
	 * is ready.
	 */
	Process startService(String module, String name, Map<String, String> extraEnv) throws Exception {
		int port = Ports.freePort();
		Map<String, String> env = new HashMap<>(extraEnv);
		env.putAll(Map.of("PORT", String.valueOf(port), "MONGODB_URI",
				"mongodb://127.0.0.1:" + this.mongoPort + "/" + name, "ADMIN_EMAIL", "admin@system.test",
				"ADMIN_PASSWORD", "system-admin-pw"));
		Process process = start(module, name, env);
		await(name, Duration.ofSeconds(180), () -> ok(managementUrl(name) + "/readyz"), process);
		this.metricsUrls.put(name, managementUrl(name) + "/actuator/prometheus");
		if (name.equals("users")) {
			this.jwksUri = "http://127.0.0.1:" + port + "/api/users/.well-known/jwks.json";
		}
		return process;
	}

	Process startGateway() throws Exception {
		return startGateway(Map.of());
	}

	Process startGateway(Map<String, String> extraEnv) throws Exception {
		Map<String, String> env = new HashMap<>(extraEnv);
		env.put("PORT", String.valueOf(this.gatewayPort));
		Process gateway = start("gateway", "gateway", env);
		await("gateway", Duration.ofSeconds(120), () -> ok(managementUrl("gateway") + "/readyz"), gateway);
		this.metricsUrls.put("gateway", managementUrl("gateway") + "/actuator/prometheus");
		return gateway;
	}

	/**
	 * Waits until the gateway routes to {@code path}: the registry has propagated the
	 * service.
	 */
	void awaitRoute(String path) throws Exception {
		await("route " + path, Duration.ofSeconds(90), () -> ok(gatewayUrl() + path), null);
	}

	/**
	 * Waits until an empty POST to {@code path} through the gateway answers
	 * {@code status}.
	 */
	void awaitPostRoute(String path, int status) throws Exception {
		await("route " + path, Duration.ofSeconds(90),
				() -> status(HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
					.POST(HttpRequest.BodyPublishers.ofString("{}"))
					.header("Content-Type", "application/json")) == status,
				null);
	}

	/** Where {@code name}'s actuator and probes answer. */
	String managementUrl(String name) {
		return "http://127.0.0.1:" + this.managementPorts.get(name);
	}

	/** Starts a module without waiting for it; {@code env} overrides the platform's. */
	Process start(String module, String name, Map<String, String> env) throws IOException {
		Path jar = Files.list(ROOT.resolve(module).resolve("target"))
			.filter((file) -> file.toString().endsWith(".jar") && !file.toString().endsWith("-plain.jar"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No jar for " + module + ": run the build first"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						"@" + ROOT.resolve("jvm.options"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
						// to tell a stalled process from a slow path
						"-Xlog:gc,safepoint:file=" + this.logs.resolve(name + ".gc.log") + ":uptime,time"));
		if (!COVERAGE_AGENT.isBlank()) {
			command.add(COVERAGE_AGENT);
		}
		command.addAll(List.of("-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		int managementPort = Ports.freePort();
		this.managementPorts.put(name, managementPort);
		builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
		builder.environment().put("REGISTRY_PASSWORD", this.registryPassword);
		if (this.jwksUri != null) {
			builder.environment().put("JWT_JWKS_URI", this.jwksUri);
		}
		builder.environment().put("DATA_DIR", this.dataDir.toString());
		builder.environment().put("REDIS_URL", "redis://127.0.0.1:" + this.redisPort);
		builder.environment().put("EUREKA_URL", "http://127.0.0.1:" + this.registryPort + "/eureka/");
		builder.environment().put("LOG_FORMAT", "");
		builder.environment().putAll(env);
		builder.redirectErrorStream(true).redirectOutput(this.logs.resolve(name + ".log").toFile());
		Process process = builder.start();
		this.processes.add(process);
		return process;
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(gatewayUrl() + path));
	}

	private boolean ok(String url) {
		return status(HttpRequest.newBuilder(URI.create(url))) == 200;
	}

	private int status(HttpRequest.Builder request) {
		try {
			return this.http
				.send(request.timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	boolean logContains(String name, String text) {
		try {
			return Files.readString(this.logs.resolve(name + ".log")).contains(text);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void await(String what, Duration timeout, BooleanSupplier ready, Process process) {
		try {
			Awaitility.await(what)
				.atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> isReady(what, ready, process));
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException(what + " not ready after " + timeout + ", see " + this.logs);
		}
	}

	private boolean isReady(String what, BooleanSupplier ready, Process process) {
		if (ready.getAsBoolean()) {
			return true;
		}
		if (process != null && !process.isAlive()) {
			throw new IllegalStateException(what + " exited with " + process.exitValue() + ", see " + this.logs
					+ "; its log ends:\n" + logTail(what));
		}
		return false;
	}

	/** What a process that exited wrote last: Spring Boot's failure report, if any. */
	private String logTail(String what) {
		try {
			List<String> lines = Files.readAllLines(this.logs.resolve(what + ".log"));
			int report = -1;
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).contains("APPLICATION FAILED TO START")) {
					report = i;
				}
			}
			int from = (report >= 0) ? report : Math.max(0, lines.size() - 15);
			return String.join("\n", lines.subList(from, Math.min(lines.size(), from + 40)));
		}
		catch (IOException | RuntimeException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	/**
	 * Stops the services first, so that they deregister and make their last calls while
	 * the registry and the stores are still up (stopped together, they logged failed
	 * heartbeats as errors for seconds), then the infrastructure.
	 */
	public void close() throws InterruptedException {
		stop(this.processes.subList(this.infrastructure, this.processes.size()));
		stop(this.processes.subList(0, this.infrastructure));
	}

	private static void stop(List<Process> processes) throws InterruptedException {
		processes.forEach(Process::destroy);
		for (Process process : processes) {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

}
