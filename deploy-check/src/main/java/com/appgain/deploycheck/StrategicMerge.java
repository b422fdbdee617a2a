package com.appgain.deploycheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The subset of Kubernetes strategic merge patches that the deployment files use: maps
 * merge key by key, a {@code null} deletes a key, lists of named things (containers, env,
 * volumes, volume mounts, ports, ...) merge element by element on their merge key (new
 * patch's elements first, as kustomize writes them), {@code $patch: delete} removes such
 * an element, and every other list is replaced.
 */
public final class StrategicMerge {

	private static final Map<String, String> MERGE_KEYS = Map.ofEntries(Map.entry("containers", "name"),
			Map.entry("initContainers", "name"), Map.entry("ephemeralContainers", "name"), Map.entry("env", "name"),
			Map.entry("volumes", "name"), Map.entry("volumeMounts", "mountPath"),
			Map.entry("volumeDevices", "devicePath"), Map.entry("imagePullSecrets", "name"),
			Map.entry("hostAliases", "ip"), Map.entry("topologySpreadConstraints", "topologyKey"),
			Map.entry("resourceClaims", "name"));

	private StrategicMerge() {
	}

	/** Applies a patch to a copy of a resource. */
	public static Map<String, Object> apply(Map<String, Object> resource, Map<String, Object> patch) {
		return mergeMaps(Yamls.map(Yamls.copy(resource)), patch);
	}

	private static Map<String, Object> mergeMaps(Map<String, Object> target, Map<String, Object> patch) {
		if ("replace".equals(patch.get("$patch"))) {
			Map<String, Object> replaced = Yamls.map(Yamls.copy(patch));
			replaced.remove("$patch");
			return replaced;
		}
		Map<String, Object> merged = new LinkedHashMap<>(target);
		patch.forEach((key, value) -> {
			if (key.startsWith("$")) {
				return;
			}
			if (value == null) {
				merged.remove(key);
			}
			else if (value instanceof Map && merged.get(key) instanceof Map) {
				merged.put(key, mergeMaps(Yamls.map(merged.get(key)), Yamls.map(value)));
			}
			else if (value instanceof List && merged.get(key) instanceof List) {
				merged.put(key, mergeLists(key, Yamls.list(merged.get(key)), Yamls.list(value)));
			}
			else {
				merged.put(key, Yamls.copy(value));
			}
		});
		return merged;
	}

	private static List<Object> mergeLists(String field, List<Object> target, List<Object> patch) {
		String mergeKey = mergeKey(field, target, patch);
		if (mergeKey == null) {
			return Yamls.list(Yamls.copy(patch));
		}
		// as kustomize writes it: the patch's elements in the patch's order (merged into
		// the target's element of the same key, if any), then the target's other elements
		List<Object> merged = new ArrayList<>();
		List<Object> untouched = new ArrayList<>(target);
		for (Map<String, Object> element : Yamls.maps(patch)) {
			Map<String, Object> existing = find(untouched, mergeKey, element.get(mergeKey));
			if (existing != null) {
				untouched.remove(existing);
			}
			if ("delete".equals(element.get("$patch"))) {
				continue;
			}
			merged.add((existing != null) ? mergeMaps(existing, element) : Yamls.copy(element));
		}
		merged.addAll(untouched);
		return merged;
	}

	private static String mergeKey(String field, List<Object> target, List<Object> patch) {
		if ("ports".equals(field)) {
			// container ports merge on containerPort, a Service's on port
			boolean containerPorts = Yamls.maps(target).stream().anyMatch((port) -> port.containsKey("containerPort"))
					|| Yamls.maps(patch).stream().anyMatch((port) -> port.containsKey("containerPort"));
			return containerPorts ? "containerPort" : "port";
		}
		String key = MERGE_KEYS.get(field);
		if (key == null) {
			return null;
		}
		boolean allMaps = target.stream().allMatch(Map.class::isInstance)
				&& patch.stream().allMatch(Map.class::isInstance);
		return allMaps ? key : null;
	}

	private static Map<String, Object> find(List<?> elements, String mergeKey, Object key) {
		for (Object element : elements) {
			if (element instanceof Map && Objects.equals(Yamls.map(element).get(mergeKey), key)) {
				return Yamls.map(element);
			}
		}
		return null;
	}

}
