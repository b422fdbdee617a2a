package com.appgain.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built-in renderer, used where kubectl is missing: what it implements, and that it
 * renders exactly what {@code kubectl kustomize} renders.
 */
class BuiltinKustomizeTests {

	private final BuiltinKustomize kustomize = new BuiltinKustomize();

	@Test
	void appliesResourcesPatchesNamespaceReplicasAndImages() {
		List<Map<String, Object>> resources = this.kustomize.render(DeployFiles.testResource("kustomize/overlay"));
		assertThat(resources)
			.extracting((resource) -> resource.get("kind") + "/" + Yamls.at(resource, "metadata", "name"))
			.containsExactlyInAnyOrder("Deployment/app", "Service/app", "ConfigMap/extra");
		assertThat(resources)
			.allSatisfy((resource) -> assertThat(Yamls.at(resource, "metadata", "namespace")).isEqualTo("demo"));
		Map<String, Object> deployment = DeployFiles.resource(resources, "Deployment", "app");
		assertThat(Yamls.at(deployment, "spec", "replicas")).isEqualTo(3);
		List<Map<String, Object>> containers = Yamls
			.maps(Yamls.at(deployment, "spec", "template", "spec", "containers"));
		assertThat(containers).extracting((container) -> container.get("image"))
			.containsExactly("example.org/app:2.0", "registry.example.org/sidecar:3.1");
		Map<String, Object> app = containers.get(0);
		// patch order first (updates merged in place of the originals), deletions gone,
		// untouched originals after
		assertThat(Yamls.maps(app.get("env"))).containsExactly(Map.of("name", "D", "value", "40"),
				Map.of("name", "C", "value", "3"), Map.of("name", "A", "value", "10"));
		assertThat(app).doesNotContainKey("readinessProbe");
		assertThat(app.get("args")).isEqualTo(List.of("--c"));
		assertThat(app.get("resources")).isEqualTo(
				Map.of("requests", Map.of("cpu", "100m", "memory", "128Mi"), "limits", Map.of("memory", "256Mi")));
		Map<String, Object> service = DeployFiles.resource(resources, "Service", "app");
		assertThat(Yamls.at(service, "metadata", "labels")).isEqualTo(Map.of("patched", "yes"));
		assertThat(Yamls.at(service, "metadata", "name")).isEqualTo("app");
	}

	@Test
	void refusesWhatItDoesNotImplement(@TempDir Path directory) throws Exception {
		Files.writeString(directory.resolve("kustomization.yaml"), "resources: []\ncommonLabels:\n  a: b\n");
		assertThatThrownBy(() -> this.kustomize.render(directory)).isInstanceOf(UnsupportedOperationException.class)
			.hasMessageContaining("commonLabels");
	}

	@Test
	void refusesAPatchThatMatchesNothing(@TempDir Path directory) throws Exception {
		Files.writeString(directory.resolve("kustomization.yaml"), "resources: []\npatches:\n  - path: p.yaml\n");
		Files.writeString(directory.resolve("p.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n");
		assertThatThrownBy(() -> this.kustomize.render(directory)).hasMessageContaining("matches no resource");
	}

	static Stream<String> kustomizations() {
		return Stream.concat(Stream.of("deploy/k8s/base"),
				DeployFiles.OVERLAYS.stream().map((overlay) -> "deploy/k8s/overlays/" + overlay));
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void rendersTheRepositorysKustomizationsAsKubectlDoes(String kustomization) {
		assumeTrue(KubectlKustomize.isAvailable(), "kubectl is not on the PATH");
		Path directory = DeployFiles.repo().resolve(kustomization);
		assertThat(byId(this.kustomize.render(directory))).isEqualTo(byId(new KubectlKustomize().render(directory)));
	}

	@Test
	void rendersTheFixtureAsKubectlDoes() {
		assumeTrue(KubectlKustomize.isAvailable(), "kubectl is not on the PATH");
		Path directory = DeployFiles.testResource("kustomize/overlay");
		assertThat(byId(this.kustomize.render(directory))).isEqualTo(byId(new KubectlKustomize().render(directory)));
	}

	private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> resources) {
		Map<String, Map<String, Object>> byId = new TreeMap<>();
		for (Map<String, Object> resource : resources) {
			String id = resource.get("apiVersion") + " " + resource.get("kind") + " "
					+ Yamls.at(resource, "metadata", "namespace") + "/" + Yamls.at(resource, "metadata", "name");
			assertThat(byId.put(id, resource)).as("duplicate %s", id).isNull();
		}
		return byId;
	}

}
