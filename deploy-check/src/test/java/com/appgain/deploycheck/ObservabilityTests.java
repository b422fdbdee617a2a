package com.appgain.deploycheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observability profile's configuration: Prometheus scrapes every service, the alert
 * rules and the dashboard cover what they must and use the provisioned data sources.
 */
class ObservabilityTests {

	private static final Path OBSERVABILITY = DeployFiles.repo().resolve("deploy/observability");

	@Test
	void prometheusScrapesEveryServiceOfTheComposeFileOnItsPort() {
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
				Object module = Yamls.at(service, "build", "args", "MODULE");
				if (module != null) {
					expected.add(name + ":" + DeployFiles.modules().config(String.valueOf(module)).port());
				}
			});
		assertThat(expected).isNotEmpty();
		assertThat(targets).isEqualTo(expected);
	}

	@Test
	void alertRulesCoverErrorRateLatencyAndInstancesDown() {
		Map<String, Object> rules = Yamls.loadMap(OBSERVABILITY.resolve("alerts.yml"));
		Map<String, String> expressions = new java.util.LinkedHashMap<>();
		for (Map<String, Object> group : Yamls.maps(rules.get("groups"))) {
			for (Map<String, Object> rule : Yamls.maps(group.get("rules"))) {
				assertThat(rule).containsKeys("alert", "expr", "for", "labels", "annotations");
				expressions.put(String.valueOf(rule.get("alert")), String.valueOf(rule.get("expr")));
			}
		}
		assertThat(expressions.get("AppgainInstanceDown")).contains("up{").contains("== 0");
		assertThat(expressions.get("AppgainHighErrorRate")).contains("http_server_requests_seconds_count")
			.contains("status=~\"5..\"");
		assertThat(expressions.get("AppgainHighLatencyP99")).contains("histogram_quantile(0.99")
			.contains("http_server_requests_seconds_bucket");
	}

	@Test
	void dashboardShowsTheRequiredMetricsFromProvisionedDataSources() {
		Map<String, Object> dashboard = Yamls.loadMap(OBSERVABILITY.resolve("grafana/dashboards/appgain.json"));
		List<String> expressions = new ArrayList<>();
		Set<String> datasources = new TreeSet<>();
		collect(dashboard.get("panels"), expressions, datasources);
		String all = String.join("\n", expressions);
		assertThat(all).contains("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
				"histogram_quantile(0.99", "status=~\"5..\"", "jvm_memory_used_bytes", "mongodb_driver_pool_",
				"lettuce_command_", "appgain_gateway_ratelimit_", "status=\"429\"");
		assertThat(all).contains("by (service, method, uri");
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
