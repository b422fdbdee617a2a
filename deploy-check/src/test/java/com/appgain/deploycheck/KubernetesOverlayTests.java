package com.appgain.deploycheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each overlay of deploy/k8s with {@code kubectl kustomize} and checks the
 * result.
 */
class KubernetesOverlayTests {

	static List<String> overlays() {
		return DeployFiles.OVERLAYS;
	}

	private static List<Map<String, Object>> render(String overlay) {
		return DeployFiles.render(DeployFiles.overlay(overlay));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void passesEveryManifestCheck(String overlay) {
		List<Finding> findings = new ManifestChecker(DeployFiles.modules()).check(render(overlay));
		assertThat(findings).as(DeployFiles.describe(findings)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void matchesTheKubernetesSchema(String overlay) {
		List<Finding> findings = new StrictManifests().check(render(overlay));
		assertThat(findings).as(DeployFiles.describe(findings)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void deploysEveryDeployableModuleWithServiceDisruptionBudgetAndAutoscaler(String overlay) {
		List<Map<String, Object>> resources = render(overlay);
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
			assertThat(Yamls.map(Yamls.at(workload, "spec", "template", "metadata", "annotations")))
				.containsEntry("prometheus.io/scrape", "true")
				.containsEntry("prometheus.io/path", "/actuator/prometheus");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void registryPeersMatchTheStatefulSet(String overlay) {
		List<Map<String, Object>> resources = render(overlay);
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

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void onlyTheGatewayIsExposedAndIngressIsDeniedByDefault(String overlay) {
		List<Map<String, Object>> resources = render(overlay);
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

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void holdsNoSecretAndEveryWorkloadIsInTheOverlayNamespace(String overlay) {
		List<Map<String, Object>> resources = render(overlay);
		assertThat(DeployFiles.ofKind(resources, "Secret")).isEmpty();
		List<Map<String, Object>> namespaces = DeployFiles.ofKind(resources, "Namespace");
		assertThat(namespaces).hasSize(1);
		Object namespace = Yamls.at(namespaces.get(0), "metadata", "name");
		assertThat(resources).filteredOn((resource) -> !"Namespace".equals(resource.get("kind")))
			.allSatisfy((resource) -> assertThat(Yamls.at(resource, "metadata", "namespace")).isEqualTo(namespace));
	}

	@Test
	void aNewServiceIsItsNamePortsImageAndTheStandardComponent() throws IOException {
		Path service = DeployFiles.repo().resolve("deploy-check/target/standard-service-demo");
		Files.createDirectories(service);
		Files.writeString(service.resolve("kustomization.yaml"), """
				resources: [service.yaml]
				components: [../../../deploy/k8s/components/standard-service]
				""");
		Files.writeString(service.resolve("service.yaml"), """
				apiVersion: appgain.io/v1
				kind: StandardService
				metadata:
				  name: inventory
				  annotations:
				    config.kubernetes.io/local-config: "true"
				spec:
				  image: ghcr.io/appgain/inventory-service:0.1.0
				  port: 8084
				  managementPort: 9084
				""");
		List<Map<String, Object>> resources = DeployFiles.render(service);
		assertThat(resources)
			.extracting((resource) -> resource.get("kind") + "/" + Yamls.at(resource, "metadata", "name"))
			.containsExactlyInAnyOrder("Service/inventory", "Deployment/inventory", "HorizontalPodAutoscaler/inventory",
					"PodDisruptionBudget/inventory", "NetworkPolicy/inventory");
		assertThat(new StrictManifests().check(resources)).isEmpty();
		String rendered = resources.toString();
		assertThat(rendered).doesNotContain("standard-service");
		Map<String, Object> deployment = DeployFiles.resource(resources, "Deployment", "inventory");
		Map<String, Object> container = Yamls.maps(Yamls.at(deployment, "spec", "template", "spec", "containers"))
			.get(0);
		assertThat(container.get("name")).isEqualTo("inventory");
		assertThat(container.get("image")).isEqualTo("ghcr.io/appgain/inventory-service:0.1.0");
		assertThat(container.get("ports")).isEqualTo(List.of(Map.of("name", "http", "containerPort", 8084),
				Map.of("name", "management", "containerPort", 9084)));
		assertThat(Yamls.maps(container.get("env"))).contains(Map.of("name", "MANAGEMENT_PORT", "value", "9084"),
				Map.of("name", "BIND_ADDRESS", "value", "0.0.0.0"));
		assertThat(Yamls.at(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port"))
			.isEqualTo("9084");
		assertThat(Yamls.at(deployment, "spec", "selector", "matchLabels"))
			.isEqualTo(Map.of("app.kubernetes.io/name", "inventory"));
		Map<String, Object> serviceResource = DeployFiles.resource(resources, "Service", "inventory");
		assertThat(Yamls.at(serviceResource, "spec", "selector"))
			.isEqualTo(Map.of("app.kubernetes.io/name", "inventory"));
		assertThat(Yamls.maps(Yamls.at(serviceResource, "spec", "ports")).get(0)).containsEntry("port", 8084);
		assertThat(Yamls.at(DeployFiles.resource(resources, "HorizontalPodAutoscaler", "inventory"), "spec",
				"scaleTargetRef", "name"))
			.isEqualTo("inventory");
	}

	private static List<String> images(Map<String, Object> workload) {
		return Yamls.maps(Yamls.at(workload, "spec", "template", "spec", "containers"))
			.stream()
			.map((container) -> String.valueOf(container.get("image")))
			.toList();
	}

}
