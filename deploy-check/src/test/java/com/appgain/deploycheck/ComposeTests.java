package com.appgain.deploycheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml: parses, passes every check, and runs every deployable module with
 * real MongoDB and Redis; and the same checker reports a deliberately broken file.
 */
class ComposeTests {

	private static final Path COMPOSE = DeployFiles.repo().resolve("docker-compose.yml");

	private static List<Finding> check(Path compose, Path envExample) {
		return new ComposeChecker(DeployFiles.modules()).check(compose, envExample);
	}

	private static Map<String, Object> services() {
		return Yamls.map(Yamls.loadMap(COMPOSE).get("services"));
	}

	@Test
	void passesEveryComposeCheck() {
		List<Finding> findings = check(COMPOSE, DeployFiles.repo().resolve(".env.example"));
		assertThat(findings).as(DeployFiles.describe(findings)).isEmpty();
	}

	@Test
	void runsEveryDeployableModuleFromTheRootDockerfile() {
		Map<String, Object> services = services();
		for (String module : DeployFiles.modules().deployable()) {
			assertThat(services.values()).as("a service built from %s", module).anySatisfy((service) -> {
				Map<String, Object> build = Yamls.map(Yamls.map(service).get("build"));
				assertThat(build.get("context")).isEqualTo(".");
				assertThat(Yamls.map(build.get("args")).get("MODULE")).isEqualTo(module);
				assertThat(Yamls.map(service).get("image")).isEqualTo(Modules.IMAGE_PREFIX + module + ":0.1.0");
			});
		}
		Map<String, Object> gateway = Yamls.map(services.get("gateway"));
		assertThat(Yamls.list(gateway.get("ports"))).containsExactly("${GATEWAY_PORT:-8080}:8080");
		assertThat(services.entrySet()).filteredOn((entry) -> !"gateway".equals(entry.getKey()))
			.allSatisfy((entry) -> assertThat(Yamls.list(Yamls.map(entry.getValue()).get("ports")))
				.allSatisfy((port) -> assertThat(String.valueOf(port)).as(entry.getKey()).startsWith("127.0.0.1:")));
	}

	@Test
	void usesRealMongoAndRedisWithVolumesAndHealthChecks() {
		Map<String, Object> mongo = Yamls.map(services().get("mongo"));
		assertThat(String.valueOf(mongo.get("image"))).startsWith("mongo:7.");
		assertThat(Yamls.list(mongo.get("volumes"))).containsExactly("mongo-data:/data/db");
		assertThat(Yamls.list(Yamls.at(mongo, "healthcheck", "test"))).contains("mongosh");
		Map<String, Object> redis = Yamls.map(services().get("redis"));
		assertThat(String.valueOf(redis.get("image"))).startsWith("redis:7.");
		assertThat(Yamls.list(redis.get("volumes"))).containsExactly("redis-data:/data");
		assertThat(String.valueOf(Yamls.list(Yamls.at(redis, "healthcheck", "test")))).contains("redis-cli ping");
	}

	@Test
	void observabilityProfileAddsPrometheusGrafanaAndLoki() {
		Map<String, Object> services = services();
		for (String name : List.of("prometheus", "grafana", "loki")) {
			assertThat(Yamls.list(Yamls.map(services.get(name)).get("profiles"))).as(name)
				.containsExactly("observability");
		}
		assertThat(services.entrySet())
			.filteredOn((entry) -> !List.of("prometheus", "grafana", "loki").contains(entry.getKey()))
			.allSatisfy((entry) -> assertThat(Yamls.map(entry.getValue()).get("profiles")).as(entry.getKey()).isNull());
		assertThat(Yamls.list(Yamls.at(services.get("prometheus"), "volumes"))).contains(
				"./deploy/observability/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
				"./deploy/observability/alerts.yml:/etc/prometheus/alerts.yml:ro");
	}

	@Test
	void secretsStayOutOfGit() {
		assertThat(Yamls.read(DeployFiles.repo().resolve(".gitignore")).lines()).contains(".env");
		assertThat(Yamls.read(DeployFiles.repo().resolve(".dockerignore")).lines()).contains(".env");
	}

	@Test
	void brokenComposeFileIsReported() {
		Path broken = DeployFiles.testResource("broken/compose/docker-compose.yml");
		List<Finding> findings = check(broken, DeployFiles.testResource("broken/compose/env.example"));
		assertThat(DeployFiles.messagesAbout(findings, "compose service good-registry"))
			.as(DeployFiles.describe(findings))
			.isEmpty();
		assertThat(DeployFiles.messagesAbout(findings, "compose service mongo"))
			.containsExactly("image mongo:latest has no fixed tag; use a fixed version, never latest");
		assertThat(DeployFiles.messagesAbout(findings, "compose service no-healthcheck"))
			.containsExactly("has no health check");
		assertThat(DeployFiles.messagesAbout(findings, "compose service disabled-healthcheck"))
			.containsExactly("has no health check");
		assertThat(DeployFiles.messagesAbout(findings, "compose service examples")).contains(
				"depends_on without conditions only waits for a start: use condition: service_healthy",
				"SENTRY_DSN looks like a secret but has a literal value: use ${SENTRY_DSN} and .env",
				"REDIS_URL has a password in a literal URL: use a ${VAR} from .env",
				"sets NOT_READ_BY_ANY_MODULE, which example-service's configuration does not read",
				"does not set MONGODB_URI, which example-service needs",
				"health check does not ask example-service's management port 9082 for /readyz: "
						+ "CMD curl -fsS http://localhost:8082/actuator/health/readiness",
				"publishes its management port 9082 (actuator stays on the compose network)",
				"publishes port 8080, which example-service does not listen on (it listens on 8082)");
		assertThat(DeployFiles.messagesAbout(findings, "compose service waits-forever")).containsExactly(
				"waits for no-healthcheck to be healthy, but it has no health check: compose never starts waits-forever");
		assertThat(DeployFiles.messagesAbout(findings, "compose service users")).contains(
				"depends on mongo without condition: service_healthy (has service_started)",
				"env_file passes variables that cannot be checked: list them under environment",
				"ADMIN_PASSWORD has a default secret value in the compose file",
				"does not pass JWT_SIGNING_KEY (read by users-service) as ${JWT_SIGNING_KEY} from .env");
		assertThat(DeployFiles.messagesAbout(findings, "compose service not-a-module"))
			.containsExactly("is built from no-such-service, which is not a module of this repository");
		assertThat(DeployFiles.messagesAbout(findings, "env.example")).containsExactlyInAnyOrder(
				"STRIPE_API_KEY holds a value; an example holds placeholders only",
				"does not document ${ADMIN_PASSWORD}, which docker-compose.yml uses");
	}

}
