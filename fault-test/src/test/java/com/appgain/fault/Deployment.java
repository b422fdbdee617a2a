package com.appgain.fault;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.fault.Network.Host;

/**
 * The suite deployed over nine hosts: the gateway, two example-service hosts, users,
 * payments, Redis, MongoDB and two registry peers. Each process is the jar the build
 * produced (or the real redis-server), started inside its host's namespace and logging to
 * {@code target/fault-logs/}. Ports are fixed: every host has its own network stack.
 */
final class Deployment implements AutoCloseable {

	static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath();

	static final Path LOGS = ROOT.resolve("fault-test/target/fault-logs");

	/** The options every JVM of the suite starts with, as a java argument file. */
	private static final String JVM_OPTIONS = "@" + ROOT.resolve("jvm.options");

	/** Where an event loop, scheduler or timer thread waits for work. */
	private static final List<String> IDLE_THREAD_FRAMES = List.of("epollWait", "EPoll.wait", "DelayedWorkQueue.take",
			"waitForNextTick", "takeTask");

	static final int GATEWAY_PORT = 8080;

	static final String REGISTRY_USER = "appgain";

	/** Per run: the registry's credentials come from the environment only. */
	static final String REGISTRY_PASSWORD = UUID.randomUUID().toString();

	private static final int REGISTRY_PORT = 8761;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Integer> PORTS = Map.of("gateway", GATEWAY_PORT, "registry", REGISTRY_PORT,
			"users-service", 8081, "example-service", 8082, "payments-service", 8083);

	private static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("gateway", 9080, "registry", 9761,
			"users-service", 9081, "example-service", 9082, "payments-service", 9083);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final Map<String, Service> services = new LinkedHashMap<>();

	private final Set<String> logged = new HashSet<>();

	final Network network;

	final Host gateway;

	final Host examples1;

	final Host examples2;

	final Host users;

	final Host payments;

	final Host redis;

	final Host mongo;

	final Host registry1;

	final Host registry2;

	final Host probe;

	Deployment() throws IOException {
		Files.createDirectories(LOGS);
		this.network = Network.create();
		this.gateway = this.network.host("gw", 10);
		this.examples1 = this.network.host("ex1", 11);
		this.examples2 = this.network.host("ex2", 12);
		this.users = this.network.host("users", 13);
		this.payments = this.network.host("pay", 14);
		this.redis = this.network.host("redis", 20);
		this.mongo = this.network.host("mongo", 21);
		this.registry1 = this.network.host("reg1", 30);
		this.registry2 = this.network.host("reg2", 31);
		// a second client, for what must come from another address (a caller's own limit)
		this.probe = this.network.host("probe", 50);
		this.network.connect();
	}

	/**
	 * Start everything at once (the JVMs start in parallel) and wait until the gateway
	 * routes to every service and both registry peers list every instance.
	 * @return this deployment
	 * @throws Exception when something does not come up in time
	 */
	Deployment start() throws Exception {
		startRedis();
		startMongo();
		String peers = registryUrl(this.registry1) + "," + registryUrl(this.registry2);
		for (Host peer : List.of(this.registry1, this.registry2)) {
			start("registry", peer, Map.of("SPRING_PROFILES_ACTIVE", "peer", "EUREKA_PEERS", peers, "EUREKA_HOSTNAME",
					peer.address(), "EUREKA_MY_URL", registryUrl(peer)));
		}
		start("users-service", this.users, Map.of());
		start("example-service", this.examples1, Map.of());
		start("example-service", this.examples2, Map.of());
		// Stripe is never reached here: payments needs users-service first
		start("payments-service", this.payments, Map.of("STRIPE_API_KEY", "sk_test_fake", "STRIPE_API_BASE",
				"http://" + this.network.client() + ":9", "STRIPE_WEBHOOK_SECRET", "whsec_fault_test"));
		// above each load's rate (20 a second from one address or user), and low enough
		// that the probe's burst of 260 exceeds it even when the gateway takes seconds to
		// serve it on a busy machine (at 50 and 100 it did not: 0 answers were 429)
		start("gateway", this.gateway,
				Map.of("GATEWAY_RATE_LIMIT_REPLENISH_RATE", "30", "GATEWAY_RATE_LIMIT_BURST_CAPACITY", "60"));
		// one bound for all: they start together, and on a busy machine slowly
		Instant deadline = Instant.now().plus(Duration.ofSeconds(600));
		for (Service service : this.services.values()) {
			awaitReady(service, Duration.ofMillis(Math.max(0, Duration.between(Instant.now(), deadline).toMillis())));
		}
		await("both registry peers list every instance", Duration.ofSeconds(90),
				() -> instancesUp(this.registry1, "EXAMPLES") == 2 && instancesUp(this.registry2, "EXAMPLES") == 2
						&& instancesUp(this.registry2, "USERS") == 1 && instancesUp(this.registry2, "PAYMENTS") == 1,
				null);
		AtomicReference<String> answers = new AtomicReference<>("none yet");
		try {
			await("the gateway routes to every service", Duration.ofSeconds(90), () -> {
				int keys = status(request("/api/users/.well-known/jwks.json"));
				int examples = status(request("/api/examples"));
				int webhook = status(
						request("/api/payments/webhooks/stripe").POST(HttpRequest.BodyPublishers.ofString("{}")));
				answers.set("keys " + keys + ", examples " + examples + ", webhook " + webhook);
				return keys == 200 && examples == 200 && webhook == 400;
			}, null);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException(ex.getMessage() + "; last answers: " + answers.get(), ex);
		}
		return this;
	}

	static String registryUrl(Host peer) {
		return peer.url(REGISTRY_PORT) + "/eureka/";
	}

	private void startRedis() throws IOException {
		Path binary = ROOT.resolve("fault-test/target/redis-server");
		if (!Files.isExecutable(binary)) {
			try (InputStream in = redis.embedded.RedisServer.class
				.getResourceAsStream("/redis-server-6.2.6-v5-linux-amd64")) {
				if (in == null) {
					throw new IllegalStateException("embedded-redis has no linux-amd64 redis-server");
				}
				Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
			}
			binary.toFile().setExecutable(true);
		}
		launch("redis", this.redis, List.of(binary.toString(), "--bind", "0.0.0.0", "--port", "6379",
				"--protected-mode", "no", "--save", "", "--appendonly", "no"), Map.of());
	}

	private void startMongo() throws IOException {
		String classpath = ROOT.resolve("fault-test/target/test-classes") + File.pathSeparator
				+ ROOT.resolve("devstack/target/devstack.jar") + File.pathSeparator
				+ ROOT.resolve("devstack/target/lib") + File.separator + "*";
		launch("mongo", this.mongo, List.of(java(), JVM_OPTIONS, "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp",
				classpath, MongoHost.class.getName(), "27017"), Map.of());
	}

	private Service start(String module, Host host, Map<String, String> extraEnv) throws IOException {
		Path jar = jar(module);
		Map<String, String> env = new HashMap<>(extraEnv);
		env.put("PORT", String.valueOf(PORTS.get(module)));
		env.put("MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORTS.get(module)));
		env.put("BIND_ADDRESS", "0.0.0.0");
		env.put("REGISTRY_USER", REGISTRY_USER);
		env.put("REGISTRY_PASSWORD", REGISTRY_PASSWORD);
		env.put("EUREKA_URL", registryUrl(this.registry1) + "," + registryUrl(this.registry2));
		env.put("REDIS_URL", "redis://" + this.redis.address() + ":6379");
		env.put("MONGODB_URI", "mongodb://" + this.mongo.address() + ":27017/" + module.replace("-service", ""));
		env.put("JWT_JWKS_URI", this.users.url(8081) + "/api/users/.well-known/jwks.json");
		env.put("TRUSTED_GATEWAY_ADDRESSES", this.gateway.address() + "/32,127.0.0.0/8,::1/128");
		env.put("ADMIN_EMAIL", "admin@fault.test");
		env.put("ADMIN_PASSWORD", "fault-admin-password");
		env.put("LOG_FORMAT", "");
		String name = module + "@" + host.namespace();
		// pauses and safepoints, per process (a restart is a new pid, a new file)
		String gcLog = "-Xlog:gc,safepoint:file=" + LOGS.resolve(name + "-gc-%p.log") + ":uptime,level,tags";
		List<String> command = new ArrayList<>(
				List.of(java(), JVM_OPTIONS, "-XX:TieredStopAtLevel=1", "-Xmx256m", gcLog, "-jar", jar.toString()));
		Service service = new Service(name, module, host, command, env);
		this.services.put(name, service);
		service.process = launch(name, host, command, env);
		return service;
	}

	/** Start a stopped service again on its host and wait until it is ready. */
	void restart(Host host, String module) throws Exception {
		launchAgain(host, module);
		awaitReady(host, module, Duration.ofSeconds(180));
	}

	/** Start a stopped service again on its host, without waiting for it. */
	void launchAgain(Host host, String module) throws IOException {
		Service service = service(host, module);
		service.process = launch(service.name, host, service.command, service.env);
	}

	void awaitReady(Host host, String module, Duration timeout) throws InterruptedException {
		awaitReady(service(host, module), timeout);
	}

	/**
	 * How many instances of a module run (their processes are alive).
	 * @param module the module, such as {@code example-service}
	 * @return the count
	 */
	int running(String module) {
		return (int) this.services.values()
			.stream()
			.filter((service) -> service.module.equals(module) && service.process.isAlive())
			.count();
	}

	Process process(Host host, String module) {
		return service(host, module).process;
	}

	/**
	 * The threads of a running service, now: the whole dump goes to the logs, and what
	 * its event loops and Reactor schedulers were doing, unless waiting for work, is
	 * returned.
	 * @param host the service's host
	 * @param module the module, such as {@code gateway}
	 * @return one line per busy or blocked thread, for a report
	 */
	String threads(Host host, String module) {
		Service service = service(host, module);
		Network.Result dump = Network.run(jdkTool("jcmd"), String.valueOf(service.process.pid()), "Thread.print");
		Path file = LOGS.resolve(service.name + "-threads-" + System.currentTimeMillis() + ".txt");
		try {
			Files.writeString(file, dump.output());
		}
		catch (IOException ex) {
			return "thread dump not written: " + ex.getMessage();
		}
		List<String> busy = new ArrayList<>();
		for (String thread : dump.output().split("\\n\\s*\\n")) {
			String[] lines = thread.strip().split("\\n");
			if (lines.length < 3 || !lines[0].matches("\"(reactor-http|parallel|lettuce|boundedElastic).*")
					|| IDLE_THREAD_FRAMES.stream().anyMatch(thread::contains)) {
				continue;
			}
			List<String> frames = new ArrayList<>();
			for (int i = 2; i < lines.length && frames.size() < 4; i++) {
				if (lines[i].strip().startsWith("at ")) {
					frames.add(lines[i].strip().substring(3));
				}
			}
			busy.add(lines[0].substring(0, lines[0].indexOf('"', 1) + 1) + " " + lines[1].strip() + " "
					+ String.join(" < ", frames));
		}
		String summary = busy.isEmpty() ? "every event loop and scheduler thread idle" : String.join(" | ", busy);
		return module + " threads (" + file.getFileName() + "): "
				+ summary.substring(0, Math.min(summary.length(), 2000));
	}

	private Service service(Host host, String module) {
		return this.services.get(module + "@" + host.namespace());
	}

	private Process launch(String name, Host host, List<String> command, Map<String, String> env) throws IOException {
		// setsid and ip netns exec both exec the command: the process is the service
		// itself, so signals reach it. Its own session, as on a host of its own: the
		// kernel's autogroups then schedule each host apart, not all nine as one process.
		List<String> full = new ArrayList<>(List.of("setsid", "ip", "netns", "exec", host.namespace()));
		full.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(full);
		builder.environment().putAll(env);
		// a restart appends to the log of the same run
		File log = LOGS.resolve(name + ".log").toFile();
		builder.redirectErrorStream(true)
			.redirectOutput(
					this.logged.add(name) ? ProcessBuilder.Redirect.to(log) : ProcessBuilder.Redirect.appendTo(log));
		return builder.start();
	}

	private void awaitReady(Service service, Duration timeout) throws InterruptedException {
		int port = PORTS.get(service.module);
		int management = MANAGEMENT_PORTS.get(service.module);
		await(service.name, timeout, () -> ready(service.host, port, management), service.process);
	}

	/** Readiness on the management port when it has one, else on the public port. */
	boolean ready(Host host, int port, int management) {
		return status(HttpRequest.newBuilder(URI.create(host.url(management) + "/readyz"))) == 200
				|| status(HttpRequest.newBuilder(URI.create(host.url(port) + "/actuator/health/readiness"))) == 200;
	}

	/**
	 * The readiness probe's status: on the management port when it has one, else on the
	 * public port; -1 when neither answers.
	 */
	int readinessStatus(Host host, String module) {
		int status = status(HttpRequest.newBuilder(URI.create(host.url(MANAGEMENT_PORTS.get(module)) + "/readyz")));
		return (status != -1) ? status : status(
				HttpRequest.newBuilder(URI.create(host.url(PORTS.get(module)) + "/actuator/health/readiness")));
	}

	/**
	 * How many instances of an application a registry peer lists as UP.
	 * @param peer the registry host
	 * @param app the application's name in capitals
	 * @return the count, -1 when the peer does not answer
	 */
	int instancesUp(Host peer, String app) {
		try {
			HttpResponse<String> response = application(peer, app);
			if (response.statusCode() == 404) {
				return 0;
			}
			if (response.statusCode() != 200) {
				return -1;
			}
			return response.body().split("\"status\":\"UP\"", -1).length - 1;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/**
	 * When a registry peer registered each instance of an application it lists: a lease
	 * the peer let expire and took again shows as a later time.
	 * @param peer the registry host
	 * @param app the application's name in capitals
	 * @return epoch milliseconds per instance; none when the peer lists none
	 * @throws IOException when the peer does not answer
	 * @throws InterruptedException when interrupted
	 */
	List<Long> registrationTimes(Host peer, String app) throws IOException, InterruptedException {
		HttpResponse<String> response = application(peer, app);
		if (response.statusCode() == 404) {
			return List.of();
		}
		if (response.statusCode() != 200) {
			throw new IOException("registry " + peer.namespace() + " answered " + response.statusCode());
		}
		List<Long> times = new ArrayList<>();
		for (JsonNode instance : JSON.readTree(response.body()).path("application").path("instance")) {
			times.add(instance.path("leaseInfo").path("registrationTimestamp").asLong());
		}
		return times;
	}

	private HttpResponse<String> application(Host peer, String app) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(registryUrl(peer) + "apps/" + app))
					.header("Accept", "application/json")
					.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString((REGISTRY_USER + ":" + REGISTRY_PASSWORD).getBytes(StandardCharsets.UTF_8)))
					.timeout(Duration.ofSeconds(3))
					.build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Whether a registry peer's port accepts connections (its process has started). */
	boolean registryAccepts(Host peer) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(peer.address(), REGISTRY_PORT), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.gateway.url(GATEWAY_PORT) + path))
			.timeout(Duration.ofSeconds(15));
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	int status(HttpRequest.Builder request) {
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

	static void await(String what, Duration timeout, BooleanSupplier ready, Process process)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (!ready.getAsBoolean()) {
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException(what + " exited with " + process.exitValue() + ", see " + LOGS);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(what + " not ready in time (" + timeout + " left), see " + LOGS);
			}
			Thread.sleep(250);
		}
	}

	private static Path jar(String module) throws IOException {
		try (var files = Files.list(ROOT.resolve(module).resolve("target"))) {
			return files.filter((file) -> file.toString().endsWith(".jar") && !file.toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar for " + module + ": run the build first"));
		}
	}

	private static String java() {
		return jdkTool("java");
	}

	/** A tool of the JDK the tests run on. */
	private static String jdkTool(String name) {
		return Path.of(System.getProperty("java.home"), "bin", name).toString();
	}

	@Override
	public void close() throws InterruptedException {
		for (Service service : this.services.values()) {
			if (service.process != null) {
				service.process.destroy();
			}
		}
		for (Service service : this.services.values()) {
			if (service.process != null && !service.process.waitFor(20, TimeUnit.SECONDS)) {
				service.process.destroyForcibly();
			}
		}
		this.network.close();
	}

	private static final class Service {

		final String name;

		final String module;

		final Host host;

		final List<String> command;

		final Map<String, String> env;

		volatile Process process;

		Service(String name, String module, Host host, List<String> command, Map<String, String> env) {
			this.name = name;
			this.module = module;
			this.host = host;
			this.command = command;
			this.env = env;
		}

	}

}
