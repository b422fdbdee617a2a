package com.appgain.deploycheck;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema validity through fabric8's Kubernetes model: the mistakes kubectl would refuse
 * are found offline.
 */
class StrictManifestsTests {

	private static List<Finding> check(String resource) {
		List<Map<String, Object>> items = Yamls.maps(Yamls.loadMap(DeployFiles.testResource(resource)).get("items"));
		return new StrictManifests().check(items);
	}

	@Test
	void misspeltOrMisplacedFieldsWrongTypesAndUnknownKindsAreReported() {
		List<Finding> findings = check("broken/schema.yaml");
		assertThat(DeployFiles.messagesAbout(findings, "Deployment/misspelt-probe")).containsExactly(
				"has a field the Kubernetes schema does not define: spec.template.spec.containers[0].readinesProbe");
		assertThat(DeployFiles.messagesAbout(findings, "Service/ports-at-the-wrong-level"))
			.containsExactly("has a field the Kubernetes schema does not define: ports");
		assertThat(DeployFiles.messagesAbout(findings, "Deployment/replicas-not-a-number")).singleElement()
			.satisfies((message) -> assertThat(message).startsWith("does not match the Kubernetes schema"));
		assertThat(DeployFiles.messagesAbout(findings, "Deployment/wrong-api-version"))
			.containsExactly("is of a kind the Kubernetes model does not know (v1 Deployment)");
	}

	@Test
	void correctManifestsPass() {
		List<Finding> findings = check("broken/k8s.yaml");
		assertThat(DeployFiles.messagesAbout(findings, "Deployment/good-registry")).as(DeployFiles.describe(findings))
			.isEmpty();
		assertThat(DeployFiles.messagesAbout(findings, "Service/good-registry")).isEmpty();
	}

}
