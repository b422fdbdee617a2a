package com.appgain.deploycheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
		assertThat(about("Deployment/wrong-port"))
			.contains("does not expose containerPort 8761, the port registry listens on");
	}

	@Test
	void probesAndScrapingOffTheManagementPort() {
		assertThat(about("Deployment/wrong-management-port")).contains(
				"livenessProbe asks port http, not registry's management port 9761",
				"readinessProbe asks port 8761, not registry's management port 9761",
				"prometheus.io/port is 8761, not registry's management port 9761");
	}

	@Test
	void brokenOverlayOfTheRealManifestsIsReported() {
		Path overlay = DeployFiles.copyToTarget("broken/overlay");
		List<Finding> overlayFindings = new ManifestChecker(DeployFiles.modules()).check(DeployFiles.render(overlay));
		assertThat(DeployFiles.messagesAbout(overlayFindings, "Deployment/users container users"))
			.as(DeployFiles.describe(overlayFindings))
			.contains("sets NOT_READ_BY_ANY_MODULE, which users-service's configuration does not read",
					"ADMIN_PASSWORD looks like a secret but has a literal value: take it from a Secret (secretKeyRef)",
					"does not wire JWT_SIGNING_KEY (read by users-service) from a Secret (secretKeyRef)");
	}

}
