package com.appgain.deploycheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observability profile's configuration: Prometheus scrapes every service on its
 * management port, promtool accepts the rules and the configuration, and the dashboard
 * uses the provisioned data sources. (That every metric the dashboard and the rules query
 * is one the services export is checked against a real scrape, in system-test's
 * DashboardMetricsTests.)
 */
class ObservabilityTests {

	private static final Path OBSERVABILITY = DeployFiles.repo().resolve("deploy/observability");

	@Test
	void prometheusScrapesEveryServiceOfTheComposeFileOnItsManagementPort() {
		Map<String, Object> prometheus = Yamls.loadMap(OBSERVABILITY.resolve("prometheus.yml"));
		assertThat(Yamls.list(prometheus.get("rule_files"))).containsExactly("/etc/prometheus/alerts.yml");
		Set<String> targets = new TreeSet<>();
		for (Map<String, Object> job : Yamls.maps(prometheus.get("scrape_configs"))) {
			if ("/actuator/prometheus".equals(job.get("metrics_path"))) {
				for (Map<String, Object> group : Yamls.maps(job.get("static_configs"))) {
					assertThat(Yamls.map(group.get("labels"))).containsKey("service");
					Yamls.list(group.get("targets")).forEach((target) -> targets.add(String.valueOf(target)));
				}
			}
		}
		Set<String> expected = new TreeSet<>();
		Yamls.map(Yamls.loadMap(DeployFiles.repo().resolve("docker-compose.yml")).get("services"))
			.forEach((name, service) -> {
				if (Yamls.at(service, "build", "args", "MODULE") != null) {
					expected.add(name + ":" + Yamls.at(service, "environment", "MANAGEMENT_PORT"));
				}
			});
		assertThat(expected).isNotEmpty();
		assertThat(targets).isEqualTo(expected);
	}

	@Test
	void promtoolAcceptsTheAlertRules() {
		DeployFiles.ToolRun run = DeployFiles.run("promtool", "check", "rules",
				OBSERVABILITY.resolve("alerts.yml").toString());
		assertThat(run.exitCode()).as(run.output()).isZero();
	}

	@Test
	void promtoolAcceptsTheComposePrometheusConfiguration() throws IOException {
		Path directory = DeployFiles.repo().resolve("deploy-check/target/promtool");
		Files.createDirectories(directory);
		// not prometheus-kubernetes.yml: Debian builds promtool without Kubernetes
		// discovery
		for (String file : List.of("prometheus.yml")) {
			// the rule file as mounted in the container, from where it is in the
			// repository
			String configuration = Yamls.read(OBSERVABILITY.resolve(file))
				.replace("/etc/prometheus/alerts.yml", OBSERVABILITY.resolve("alerts.yml").toString());
			Path copy = Files.writeString(directory.resolve(file), configuration);
			DeployFiles.ToolRun run = DeployFiles.run("promtool", "check", "config", copy.toString());
			assertThat(run.exitCode()).as(run.output()).isZero();
		}
	}

	@Test
	void dashboardUsesProvisionedDataSources() {
		Map<String, Object> dashboard = Yamls.loadMap(OBSERVABILITY.resolve("grafana/dashboards/appgain.json"));
		List<String> expressions = new ArrayList<>();
		Set<String> datasources = new TreeSet<>();
		collect(dashboard.get("panels"), expressions, datasources);
		assertThat(expressions).isNotEmpty();
		Set<String> provisioned = new TreeSet<>();
		for (Map<String, Object> source : Yamls
			.maps(Yamls.loadMap(OBSERVABILITY.resolve("grafana/provisioning/datasources/datasources.yml"))
				.get("datasources"))) {
			provisioned.add(String.valueOf(source.get("uid")));
		}
		assertThat(provisioned).containsAll(datasources);
		Map<String, Object> provider = Yamls
			.maps(Yamls.loadMap(OBSERVABILITY.resolve("grafana/provisioning/dashboards/dashboards.yml"))
				.get("providers"))
			.get(0);
		String path = String.valueOf(Yamls.at(provider, "options", "path"));
		assertThat(Yamls.list(Yamls.at(Yamls.loadMap(DeployFiles.repo().resolve("docker-compose.yml")), "services",
				"grafana", "volumes")))
			.contains("./deploy/observability/grafana/dashboards:" + path + ":ro");
	}

	private static void collect(Object node, List<String> expressions, Set<String> datasources) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if ("expr".equals(key)) {
					expressions.add(String.valueOf(value));
				}
				else if ("datasource".equals(key) && value instanceof Map<?, ?> datasource) {
					datasources.add(String.valueOf(datasource.get("uid")));
				}
				else {
					collect(value, expressions, datasources);
				}
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach((element) -> collect(element, expressions, datasources));
		}
	}

}
