package com.appgain.deploycheck;

import java.beans.Introspector;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Schema validity of rendered manifests, offline: each resource is read into fabric8's
 * Kubernetes object model (generated from the Kubernetes OpenAPI schema). A kind the
 * model does not know, a value of the wrong type and a field the schema does not have (a
 * typo such as {@code readinesProbe}, or a field at the wrong level) are findings. The
 * model keeps unknown fields in each object's {@code additionalProperties} instead of
 * failing, so those are collected after reading.
 */
public final class StrictManifests {

	private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

	private final KubernetesSerialization serialization = new KubernetesSerialization();

	public List<Finding> check(List<Map<String, Object>> resources) {
		List<Finding> findings = new ArrayList<>();
		for (Map<String, Object> resource : resources) {
			String subject = resource.get("kind") + "/" + Yamls.at(resource, "metadata", "name");
			KubernetesResource parsed;
			try {
				parsed = this.serialization.convertValue(resource, KubernetesResource.class);
			}
			catch (RuntimeException ex) {
				findings.add(new Finding(subject, "does not match the Kubernetes schema: " + firstLine(ex)));
				continue;
			}
			if (parsed instanceof GenericKubernetesResource) {
				findings.add(new Finding(subject, "is of a kind the Kubernetes model does not know ("
						+ resource.get("apiVersion") + " " + resource.get("kind") + ")"));
				continue;
			}
			List<String> unknown = new ArrayList<>();
			collectUnknownFields(parsed, "", unknown);
			for (String field : unknown) {
				findings.add(new Finding(subject, "has a field the Kubernetes schema does not define: " + field));
			}
		}
		return findings;
	}

	private static void collectUnknownFields(Object node, String path, List<String> unknown) {
		if (node instanceof Collection<?> elements) {
			int index = 0;
			for (Object element : elements) {
				collectUnknownFields(element, path + "[" + index++ + "]", unknown);
			}
			return;
		}
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown));
			return;
		}
		if (node == null || !node.getClass().getName().startsWith(MODEL_PACKAGE)) {
			return;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
					|| getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value = invoke(getter, node);
			if ("getAdditionalProperties".equals(getter.getName())) {
				((Map<?, ?>) value).keySet()
					.forEach((key) -> unknown.add(path.isEmpty() ? key + "" : path + "." + key));
			}
			else {
				String field = Introspector.decapitalize(getter.getName().substring(3));
				collectUnknownFields(value, path.isEmpty() ? field : path + "." + field, unknown);
			}
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(getter + " failed", ex);
		}
	}

	private static String firstLine(Exception ex) {
		String message = String.valueOf(ex.getMessage());
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

}
