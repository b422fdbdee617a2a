package com.appgain.deploycheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each check can fail: deliberately broken manifests (src/test/resources/broken) go
 * through the same checker as the real ones, and every defect is reported.
 */
class ManifestCheckerTests {

	private static List<Finding> findings;

	@BeforeAll
	static void checkBrokenManifests() {
		List<Map<String, Object>> items = Yamls
			.maps(Yamls.loadMap(DeployFiles.testResource("broken/k8s.yaml")).get("items"));
		findings = new ManifestChecker(DeployFiles.modules()).check(items);
	}

	private static List<String> about(String subject) {
		return DeployFiles.messagesAbout(findings, subject);
	}

	@Test
	void correctResourcesPassSoTheFindingsBelowAreTheDefects() {
		assertThat(about("Deployment/good-registry")).as(DeployFiles.describe(findings)).isEmpty();
		assertThat(about("Service/good-registry")).isEmpty();
		assertThat(about("Secret/good-placeholder-secret")).isEmpty();
	}

	@Test
	void workloadWithoutProbes() {
		assertThat(about("Deployment/no-probes")).contains("has no livenessProbe", "has no readinessProbe");
	}

	@Test
	void workloadWithoutRequestsOrLimits() {
		assertThat(about("Deployment/no-resources")).contains("has no cpu request (resources.requests.cpu)",
				"has no cpu limit (resources.limits.cpu)", "has no memory limit (resources.limits.memory)");
	}

	@Test
	void workloadThatMayRunAsRoot() {
		assertThat(about("Deployment/runs-as-root")).contains("may run as root: set securityContext.runAsNonRoot: true",
				"does not set securityContext.allowPrivilegeEscalation: false",
				"does not set securityContext.readOnlyRootFilesystem: true",
				"does not drop all capabilities (securityContext.capabilities.drop: [ALL])");
		assertThat(about("StatefulSet/root-user")).contains("runs as root (runAsUser: 0)");
	}

	@Test
	void imageWithoutFixedTag() {
		assertThat(about("Deployment/latest-image"))
			.anySatisfy((message) -> assertThat(message).contains("registry:latest has no fixed tag"));
		assertThat(about("Deployment/untagged-image"))
			.anySatisfy((message) -> assertThat(message).contains("ghcr.io/appgain/registry has no tag"));
	}

	@Test
	void probeOnAPortTheContainerDoesNotExpose() {
		assertThat(about("Deployment/bad-probe-ports")).contains(
				"livenessProbe uses port 9999, which the container does not expose",
				"readinessProbe uses port admin, which the container does not expose");
	}

	@Test
	void serviceThatSelectsNoPodOrTargetsAPortNoContainerExposes() {
		assertThat(about("Service/selects-nothing")).containsExactly("selects no pod (selector {app=ghost})");
		assertThat(about("Service/wrong-target-port"))
			.containsExactly("targetPort metrics is not exposed by any container of Deployment/good-registry");
	}

	@Test
	void literalSecretValues() {
		assertThat(about("Secret/literal-secret")).hasSize(2)
			.allSatisfy((message) -> assertThat(message).startsWith("holds a literal value for"));
		assertThat(about("ConfigMap/secret-in-configmap"))
			.containsExactly("JWT_SIGNING_KEY looks like a secret: keep it in a Secret, not a ConfigMap");
		assertThat(about("Deployment/literal-secret-env")).contains(
				"STRIPE_API_KEY looks like a secret but has a literal value: take it from a Secret (secretKeyRef)",
				"CACHE_URL has a password in a literal URL: take it from a Secret (secretKeyRef)");
	}

	@Test
	void environmentTheModuleDoesNotReadOrThatItNeeds() {
		assertThat(about("Deployment/unread-env"))
			.containsExactly("sets NOT_READ_BY_ANY_MODULE, which registry's configuration does not read");
		assertThat(about("Deployment/peers-missing"))
			.containsExactly("does not set EUREKA_PEERS, which registry needs with profiles [peer]");
		assertThat(about("Deployment/datastores-missing")).contains(
				"does not set MONGODB_URI, which users-service needs",
				"does not set REDIS_URL, which users-service needs",
				"does not wire JWT_SIGNING_KEY (read by users-service) from a Secret (secretKeyRef)",
				"does not expose containerPort 8081, the port users-service listens on");
		assertThat(about("Deployment/unknown-module"))
			.containsExactly("image ghcr.io/appgain/no-such-service:0.1.0 names no module of this repository");
		assertThat(about("Deployment/missing-config-key"))
			.containsExactly("EUREKA_HOSTNAME refers to key NO_SUCH_KEY, which ConfigMap secret-in-configmap lacks");
	}

	@Test
	void portsTheModuleDoesNotListenOn() {
		assertThat(about("Deployment/wrong-port")).containsExactlyInAnyOrder(
				"does not expose containerPort 8761, the port registry listens on",
				"prometheus.io/port 9100 is not a port any of its containers exposes");
	}

	@Test
	void autoscalersBudgetsAndIngressesThatPointNowhere() {
		assertThat(about("HorizontalPodAutoscaler/scales-nothing"))
			.containsExactly("scales Deployment/ghost, which is not among the manifests");
		assertThat(about("PodDisruptionBudget/protects-nothing")).containsExactly("selects no pod");
		assertThat(about("Ingress/routes-nowhere"))
			.containsExactly("routes to port admin of Service good-registry, which it lacks");
	}

	static List<Renderer> renderers() {
		return DeployFiles.renderers();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderers")
	void brokenOverlayOfTheRealManifestsIsReported(Renderer renderer) {
		Path overlay = DeployFiles.copyToTarget("broken/overlay");
		List<Finding> overlayFindings = new ManifestChecker(DeployFiles.modules()).check(renderer.render(overlay));
		assertThat(DeployFiles.messagesAbout(overlayFindings, "Deployment/users container users"))
			.as(DeployFiles.describe(overlayFindings))
			.containsExactlyInAnyOrder("has no readinessProbe", "has no cpu limit (resources.limits.cpu)",
					"sets NOT_READ_BY_ANY_MODULE, which users-service's configuration does not read",
					"ADMIN_PASSWORD looks like a secret but has a literal value: take it from a Secret (secretKeyRef)");
		assertThat(DeployFiles.messagesAbout(overlayFindings, "Deployment/gateway container gateway")).containsExactly(
				"image ghcr.io/appgain/gateway:latest has no fixed tag; use a fixed version, never latest");
		assertThat(overlayFindings).allSatisfy((finding) -> assertThat(finding.subject())
			.isIn("Deployment/users container users", "Deployment/gateway container gateway"));
	}

}
