package com.appgain.deploycheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each overlay of deploy/k8s (with kubectl where it exists, and always with the
 * built-in renderer) and checks the result.
 */
class KubernetesOverlayTests {

	static Stream<Arguments> overlays() {
		List<Arguments> arguments = new ArrayList<>();
		for (String overlay : DeployFiles.OVERLAYS) {
			for (Renderer renderer : DeployFiles.renderers()) {
				arguments.add(Arguments.of(overlay, renderer));
			}
		}
		return arguments.stream();
	}

	private static List<Map<String, Object>> render(String overlay, Renderer renderer) {
		return renderer.render(DeployFiles.overlay(overlay));
	}

	@ParameterizedTest(name = "{0} ({1})")
	@MethodSource("overlays")
	void passesEveryManifestCheck(String overlay, Renderer renderer) {
		List<Finding> findings = new ManifestChecker(DeployFiles.modules()).check(render(overlay, renderer));
		assertThat(findings).as(DeployFiles.describe(findings)).isEmpty();
	}

	@ParameterizedTest(name = "{0} ({1})")
	@MethodSource("overlays")
	void deploysEveryDeployableModuleWithServiceDisruptionBudgetAndAutoscaler(String overlay, Renderer renderer) {
		List<Map<String, Object>> resources = render(overlay, renderer);
		List<String> deployable = DeployFiles.modules().deployable();
		assertThat(deployable).contains("registry", "gateway", "users-service", "example-service");
		for (String module : deployable) {
			List<Map<String, Object>> workloads = resources.stream()
				.filter((resource) -> List.of("Deployment", "StatefulSet").contains(resource.get("kind")))
				.filter((resource) -> images(resource).stream()
					.anyMatch((image) -> module.equals(Modules.moduleOfImage(image))))
				.toList();
			assertThat(workloads).as("workloads running %s", module).hasSize(1);
			Map<String, Object> workload = workloads.get(0);
			String name = String.valueOf(Yamls.at(workload, "metadata", "name"));
			assertThat(images(workload)).allSatisfy((image) -> assertThat(image).endsWith(":0.1.0"));
			DeployFiles.resource(resources, "Service", name);
			DeployFiles.resource(resources, "PodDisruptionBudget", name);
			if ("Deployment".equals(workload.get("kind"))) {
				Map<String, Object> autoscaler = DeployFiles.resource(resources, "HorizontalPodAutoscaler", name);
				assertThat(autoscaler.get("apiVersion")).isEqualTo("autoscaling/v2");
			}
			Map<String, Object> podSpec = Yamls.map(Yamls.at(workload, "spec", "template", "spec"));
			assertThat(podSpec.get("terminationGracePeriodSeconds")).as("%s terminationGracePeriodSeconds", name)
				.isInstanceOf(Integer.class);
			assertThat((Integer) podSpec.get("terminationGracePeriodSeconds")).isGreaterThan(30);
			Map<String, Object> container = Yamls.maps(podSpec.get("containers")).get(0);
			assertThat(Yamls.at(container, "lifecycle", "preStop", "exec", "command")).as("%s preStop", name)
				.isEqualTo(List.of("sleep", "10"));
			assertThat(Yamls.maps(container.get("volumeMounts")))
				.anySatisfy((mount) -> assertThat(mount.get("mountPath")).isEqualTo("/tmp"));
			assertThat(Yamls.at(workload, "spec", "template", "metadata", "annotations"))
				.isEqualTo(Map.of("prometheus.io/scrape", "true", "prometheus.io/port",
						String.valueOf(DeployFiles.modules().config(module).port()), "prometheus.io/path",
						"/actuator/prometheus"));
		}
	}

	@ParameterizedTest(name = "{0} ({1})")
	@MethodSource("overlays")
	void registryPeersMatchTheStatefulSet(String overlay, Renderer renderer) {
		List<Map<String, Object>> resources = render(overlay, renderer);
		Map<String, Object> registry = DeployFiles.resource(resources, "StatefulSet", "registry");
		Map<String, Object> service = DeployFiles.resource(resources, "Service", "registry");
		assertThat(Yamls.at(service, "spec", "clusterIP")).isEqualTo("None");
		assertThat(Yamls.at(registry, "spec", "serviceName")).isEqualTo("registry");
		int replicas = (Integer) Yamls.at(registry, "spec", "replicas");
		Map<String, Object> config = Yamls
			.map(DeployFiles.resource(resources, "ConfigMap", "appgain-config").get("data"));
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < replicas; i++) {
			expected.add("http://registry-" + i + ".registry:8761/eureka/");
		}
		assertThat(Arrays.asList(String.valueOf(config.get("EUREKA_PEERS")).split(","))).isEqualTo(expected);
		assertThat(Arrays.asList(String.valueOf(config.get("EUREKA_URL")).split(","))).isEqualTo(expected);
		Map<String, Object> container = Yamls.maps(Yamls.at(registry, "spec", "template", "spec", "containers")).get(0);
		assertThat(Yamls.maps(container.get("env"))).anySatisfy((env) -> {
			assertThat(env.get("name")).isEqualTo("SPRING_PROFILES_ACTIVE");
			assertThat(env.get("value")).isEqualTo("peer");
		}).anySatisfy((env) -> {
			assertThat(env.get("name")).isEqualTo("EUREKA_HOSTNAME");
			assertThat(env.get("value")).isEqualTo("$(POD_NAME).registry");
		});
	}

	@ParameterizedTest(name = "{0} ({1})")
	@MethodSource("overlays")
	void onlyTheGatewayIsExposedAndIngressIsDeniedByDefault(String overlay, Renderer renderer) {
		List<Map<String, Object>> resources = render(overlay, renderer);
		assertThat(DeployFiles.ofKind(resources, "Ingress"))
			.allSatisfy((ingress) -> assertThat(Yamls.maps(Yamls.at(ingress, "spec", "rules"))
				.stream()
				.flatMap((rule) -> Yamls.maps(Yamls.at(rule, "http", "paths")).stream())
				.map((path) -> Yamls.at(path, "backend", "service", "name"))
				.toList()).containsOnly("gateway"))
			.isNotEmpty();
		assertThat(DeployFiles.ofKind(resources, "Service"))
			.allSatisfy((service) -> assertThat(Yamls.at(service, "spec", "type")).isIn(null, "ClusterIP"));
		assertThat(DeployFiles.ofKind(resources, "NetworkPolicy")).anySatisfy((policy) -> {
			assertThat(Yamls.at(policy, "spec", "podSelector")).isEqualTo(Map.of());
			assertThat(Yamls.at(policy, "spec", "policyTypes")).isEqualTo(List.of("Ingress"));
			assertThat(Yamls.at(policy, "spec", "ingress")).isNull();
		});
		Map<String, Object> fromOutside = DeployFiles.resource(resources, "NetworkPolicy",
				"gateway-from-ingress-controller");
		assertThat(Yamls.at(fromOutside, "spec", "podSelector", "matchLabels"))
			.isEqualTo(Map.of("app.kubernetes.io/name", "gateway"));
	}

	@ParameterizedTest(name = "{0} ({1})")
	@MethodSource("overlays")
	void holdsNoSecretAndEveryWorkloadIsInTheOverlayNamespace(String overlay, Renderer renderer) {
		List<Map<String, Object>> resources = render(overlay, renderer);
		assertThat(DeployFiles.ofKind(resources, "Secret")).isEmpty();
		List<Map<String, Object>> namespaces = DeployFiles.ofKind(resources, "Namespace");
		assertThat(namespaces).hasSize(1);
		Object namespace = Yamls.at(namespaces.get(0), "metadata", "name");
		assertThat(resources).filteredOn((resource) -> !"Namespace".equals(resource.get("kind")))
			.allSatisfy((resource) -> assertThat(Yamls.at(resource, "metadata", "namespace")).isEqualTo(namespace));
	}

	private static List<String> images(Map<String, Object> workload) {
		return Yamls.maps(Yamls.at(workload, "spec", "template", "spec", "containers"))
			.stream()
			.map((container) -> String.valueOf(container.get("image")))
			.toList();
	}

}
