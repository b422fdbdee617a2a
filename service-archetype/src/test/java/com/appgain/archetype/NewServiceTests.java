package com.appgain.archetype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./new-service} on a copy of the repository, with the archetype jar this build
 * just made: bad names are refused with nothing written, and a generated service builds
 * and passes its own tests and deploy-check's, so the template cannot rot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewServiceTests {

	private static final Set<String> NOT_COPIED = Set.of(".git", "target", "node_modules", "data", "logs", ".idea");

	private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(4);

	private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

	private static Path temp;

	private static Path repo;

	@BeforeAll
	static void copyTheRepository() throws IOException {
		temp = Files.createTempDirectory("new-service-test");
		repo = temp.resolve("repo");
		copy(Path.of(System.getProperty("generator.repo-root", "..")).toAbsolutePath().normalize(), repo);
	}

	@AfterAll
	static void deleteTheCopy() throws IOException {
		if (temp != null) {
			try (Stream<Path> paths = Files.walk(temp)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	@Order(1)
	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "inventory service", " inventory", "Inventory", "inVentory", "9lives", "inv_entory",
			"inventory!", "inventory-", "in--ventory", "gateway", "registry", "common", "common-api", "common-test",
			"users", "examples", "example", "payments", "devstack", "system", "deploy", "fault", "bench", "service",
			"archetype", "inventory-service", "class", "", "a-very-long-name-that-goes-on-and-on" })
	void aBadNameIsRefusedWithExitTwoAndNothingWritten(String name) throws Exception {
		String before = fingerprint(repo);

		Result result = run(SCRIPT_TIMEOUT, "./new-service", name);

		assertThat(result.exit()).as(result.output()).isEqualTo(2);
		assertThat(result.output()).startsWith("new-service: ").doesNotContain("Generating");
		assertThat(fingerprint(repo)).isEqualTo(before);
	}

	@Order(1)
	@Test
	void anythingButOneNameIsAUsageError() throws Exception {
		assertThat(run(SCRIPT_TIMEOUT, "./new-service").output()).contains("usage: ./new-service <name>");
		assertThat(run(SCRIPT_TIMEOUT, "./new-service", "one", "two").exit()).isEqualTo(2);
	}

	@Order(2)
	@Test
	void aGeneratedServiceIsWiredInBuildsAndPassesItsTests() throws Exception {
		Result generated = run(SCRIPT_TIMEOUT, "./new-service", "inventory");

		assertThat(generated.exit()).as(generated.output()).isZero();
		assertThat(generated.output()).contains("Created inventory-service", "port 8084 (management 9084)", "Next:");
		Path module = repo.resolve("inventory-service");
		assertThat(read(module.resolve("src/main/resources/application.yml"))).contains("name: inventory",
				"${PORT:8084}", "${MANAGEMENT_PORT:9084}", "packages-to-scan: com.appgain.inventory");
		assertThat(module.resolve("src/main/java/com/appgain/inventory/inventoryitem/InventoryItemController.java"))
			.exists();
		assertThat(read(repo.resolve("pom.xml"))).contains("<module>inventory-service</module>");
		assertThat(read(repo.resolve("deploy/k8s/base/kustomization.yaml"))).contains("  - inventory\n");
		assertThat(read(repo.resolve("deploy/k8s/base/inventory/service.yaml"))).contains("name: inventory",
				"image: ghcr.io/appgain/inventory-service:0.1.0", "port: 8084", "managementPort: 9084");
		assertThat(read(repo.resolve("deploy/k8s/overlays/dev/datastores-env.yaml")))
			.contains("mongodb://mongo:27017/inventory");
		assertThat(read(repo.resolve("docker-compose.yml"))).contains("  inventory:", "MODULE: inventory-service");
		assertThat(read(repo.resolve("deploy/observability/prometheus.yml"))).contains("inventory:9084");
		if (onPath("kubectl")) {
			Result rendered = run(SCRIPT_TIMEOUT, "kubectl", "kustomize", "deploy/k8s/overlays/dev");
			assertThat(rendered.exit()).as(rendered.output()).isZero();
			assertThat(rendered.output()).contains("image: ghcr.io/appgain/inventory-service:0.1.0",
					"value: mongodb://mongo:27017/inventory");
		}

		Result again = run(SCRIPT_TIMEOUT, "./new-service", "inventory");
		assertThat(again.exit()).isEqualTo(2);
		assertThat(again.output()).contains("exists already");

		// its own tests, and deploy-check's on the deployment files with the service in
		// them
		Result build = run(BUILD_TIMEOUT, "./mvnw", "-B", "-q", "verify", "-pl", "inventory-service,deploy-check",
				"-am", "-Dtest=InventoryItem*Tests,ComposeTests,KubernetesOverlayTests,ObservabilityTests",
				"-Dsurefire.failIfNoSpecifiedTests=false");
		assertThat(build.exit()).as(build.output()).isZero();
		assertThat(testsRun(module.resolve("target/surefire-reports"))).isGreaterThanOrEqualTo(10);
		assertThat(testsRun(repo.resolve("deploy-check/target/surefire-reports"))).isGreaterThanOrEqualTo(10);
	}

	private static Result run(Duration timeout, String... command) throws Exception {
		Path output = Files.createTempFile(temp, "output", ".log");
		List<String> line = new ArrayList<>(List.of(command));
		String localRepository = System.getProperty("generator.local-repository");
		if (localRepository != null && command[0].equals("./mvnw")) {
			line.add("-Dmaven.repo.local=" + localRepository);
		}
		ProcessBuilder builder = new ProcessBuilder(line).directory(repo.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("SERVICE_ARCHETYPE_JAR", System.getProperty("generator.archetype-jar"));
		if (localRepository != null) {
			builder.environment().put("MAVEN_REPO_LOCAL", localRepository);
		}
		Process process = builder.start();
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			throw new AssertionError(
					String.join(" ", command) + " did not finish in " + timeout + ":\n" + Files.readString(output));
		}
		return new Result(process.exitValue(), Files.readString(output));
	}

	private static boolean onPath(String command) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
	}

	private static int testsRun(Path reports) throws IOException {
		int total = 0;
		try (Stream<Path> files = Files.list(reports)) {
			for (Path report : files.filter((file) -> file.toString().endsWith(".txt")).toList()) {
				String text = read(report);
				assertThat(text).contains("Failures: 0, Errors: 0");
				total += Integer.parseInt(text.replaceAll("(?s).*Tests run: (\\d+),.*", "$1"));
			}
		}
		return total;
	}

	// Every path and the content of every file: what the script must leave alone.
	private static String fingerprint(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Path path : paths.sorted().toList()) {
				digest.update(root.relativize(path).toString().getBytes(StandardCharsets.UTF_8));
				if (Files.isRegularFile(path)) {
					digest.update(Files.readAllBytes(path));
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				if (!dir.equals(from) && NOT_COPIED.contains(dir.getFileName().toString())) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				Files.createDirectories(to.resolve(from.relativize(dir)));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
				return FileVisitResult.CONTINUE;
			}

		});
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Result(int exit, String output) {
	}

}
