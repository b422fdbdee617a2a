package com.appgain.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A small kustomize for machines without kubectl: the kustomization fields the overlays
 * in deploy/k8s use ({@code resources}, {@code patches} and {@code patchesStrategicMerge}
 * with strategic merge patches, {@code images}, {@code replicas}, {@code namespace}).
 * Anything else fails loudly rather than rendering something kustomize would not; where
 * kubectl exists the tests check that both render the same.
 */
public final class BuiltinKustomize implements Renderer {

	private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches",
			"patchesStrategicMerge", "images", "replicas", "namespace");

	private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
			"CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass",
			"ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "RuntimeClass");

	private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet",
			"ReplicationController");

	@Override
	public String name() {
		return "built-in kustomize";
	}

	@Override
	public List<Map<String, Object>> render(Path directory) {
		Path dir = directory.toAbsolutePath().normalize();
		Map<String, Object> kustomization = Yamls.loadMap(kustomizationFile(dir));
		for (String field : kustomization.keySet()) {
			if (!SUPPORTED.contains(field)) {
				throw new UnsupportedOperationException(dir + ": kustomization field '" + field
						+ "' is not supported by the built-in renderer (supported: " + SUPPORTED
						+ "); keep to those or render with kubectl");
			}
		}
		List<Map<String, Object>> resources = new ArrayList<>();
		for (Object entry : Yamls.list(kustomization.get("resources"))) {
			Path path = dir.resolve(String.valueOf(entry)).normalize();
			if (Files.isDirectory(path)) {
				resources.addAll(render(path));
			}
			else {
				resources.addAll(Yamls.loadMaps(path));
			}
		}
		for (Object entry : Yamls.list(kustomization.get("patchesStrategicMerge"))) {
			for (Map<String, Object> patch : patchDocuments(dir, String.valueOf(entry))) {
				resources = applyPatch(dir, resources, patch, null);
			}
		}
		for (Map<String, Object> entry : Yamls.maps(kustomization.get("patches"))) {
			List<Map<String, Object>> patches;
			if (entry.get("path") != null) {
				patches = patchDocuments(dir, String.valueOf(entry.get("path")));
			}
			else if (entry.get("patch") != null) {
				patches = parsePatch(dir, String.valueOf(entry.get("patch")));
			}
			else {
				throw new IllegalStateException(dir + ": a patch without path or patch");
			}
			for (Map<String, Object> patch : patches) {
				resources = applyPatch(dir, resources, patch, Yamls.map(entry.get("target")));
			}
		}
		String namespace = Yamls.string(kustomization.get("namespace"));
		if (namespace != null) {
			for (Map<String, Object> resource : resources) {
				if (!CLUSTER_SCOPED.contains(Yamls.string(resource.get("kind")))) {
					metadata(resource).put("namespace", namespace);
				}
			}
		}
		for (Map<String, Object> replicas : Yamls.maps(kustomization.get("replicas"))) {
			for (Map<String, Object> resource : resources) {
				if (SCALABLE.contains(Yamls.string(resource.get("kind")))
						&& Objects.equals(replicas.get("name"), metadata(resource).get("name"))) {
					spec(resource).put("replicas", replicas.get("count"));
				}
			}
		}
		for (Map<String, Object> image : Yamls.maps(kustomization.get("images"))) {
			for (Map<String, Object> resource : resources) {
				setImages(resource, image);
			}
		}
		return resources;
	}

	private static Path kustomizationFile(Path dir) {
		for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
			if (Files.isRegularFile(dir.resolve(name))) {
				return dir.resolve(name);
			}
		}
		throw new IllegalStateException("no kustomization.yaml in " + dir);
	}

	private static List<Map<String, Object>> patchDocuments(Path dir, String entry) {
		Path path = dir.resolve(entry).normalize();
		if (Files.isRegularFile(path)) {
			return parsePatch(dir, Yamls.read(path));
		}
		return parsePatch(dir, entry);
	}

	private static List<Map<String, Object>> parsePatch(Path dir, String text) {
		List<Map<String, Object>> patches = new ArrayList<>();
		for (Object document : Yamls.loadAll(text)) {
			if (!(document instanceof Map)) {
				throw new UnsupportedOperationException(dir + ": only strategic merge patches are supported by the "
						+ "built-in renderer, not JSON 6902 patches");
			}
			patches.add(Yamls.map(document));
		}
		return patches;
	}

	private static List<Map<String, Object>> applyPatch(Path dir, List<Map<String, Object>> resources,
			Map<String, Object> patch, Map<String, Object> target) {
		for (String field : target.keySet()) {
			if (!Set.of("kind", "name", "namespace", "group", "version").contains(field)) {
				throw new UnsupportedOperationException(
						dir + ": patch target field '" + field + "' is not supported by the built-in renderer");
			}
		}
		List<Map<String, Object>> patched = new ArrayList<>();
		boolean matched = false;
		for (Map<String, Object> resource : resources) {
			if (matches(resource, patch, target)) {
				matched = true;
				if ("delete".equals(patch.get("$patch"))) {
					continue;
				}
				Map<String, Object> body = new LinkedHashMap<>(patch);
				if (!target.isEmpty()) {
					// a targeted patch's own kind and name are not part of the change
					body.remove("apiVersion");
					body.remove("kind");
					Map<String, Object> metadata = new LinkedHashMap<>(Yamls.map(body.get("metadata")));
					metadata.remove("name");
					body.put("metadata", metadata);
				}
				patched.add(StrategicMerge.apply(resource, body));
			}
			else {
				patched.add(resource);
			}
		}
		if (!matched) {
			throw new IllegalStateException(dir + ": patch matches no resource: "
					+ (target.isEmpty() ? patch.get("kind") + "/" + Yamls.at(patch, "metadata", "name") : target));
		}
		return patched;
	}

	private static boolean matches(Map<String, Object> resource, Map<String, Object> patch,
			Map<String, Object> target) {
		Map<String, Object> metadata = Yamls.map(resource.get("metadata"));
		if (!target.isEmpty()) {
			return (target.get("kind") == null || Objects.equals(target.get("kind"), resource.get("kind")))
					&& (target.get("name") == null || Objects.equals(target.get("name"), metadata.get("name")))
					&& (target.get("namespace") == null
							|| Objects.equals(target.get("namespace"), metadata.get("namespace")))
					&& (target.get("group") == null || Objects.equals(target.get("group"), group(resource)));
		}
		Object namespace = Yamls.at(patch, "metadata", "namespace");
		return Objects.equals(patch.get("kind"), resource.get("kind")) && Objects.equals(group(patch), group(resource))
				&& Objects.equals(Yamls.at(patch, "metadata", "name"), metadata.get("name"))
				&& (namespace == null || Objects.equals(namespace, metadata.get("namespace")));
	}

	private static String group(Map<String, Object> resource) {
		String apiVersion = Yamls.string(resource.get("apiVersion"));
		if (apiVersion == null) {
			return null;
		}
		int slash = apiVersion.indexOf('/');
		return (slash >= 0) ? apiVersion.substring(0, slash) : "";
	}

	private static void setImages(Object node, Map<String, Object> image) {
		if (node instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (("containers".equals(entry.getKey()) || "initContainers".equals(entry.getKey()))
						&& entry.getValue() instanceof List) {
					for (Map<String, Object> container : Yamls.maps(entry.getValue())) {
						String current = Yamls.string(container.get("image"));
						if (current != null && imageName(current).equals(image.get("name"))) {
							container.put("image", newImage(current, image));
						}
					}
				}
				else {
					setImages(entry.getValue(), image);
				}
			}
		}
		else if (node instanceof List<?> list) {
			list.forEach((element) -> setImages(element, image));
		}
	}

	private static String imageName(String image) {
		int at = image.indexOf('@');
		String withoutDigest = (at >= 0) ? image.substring(0, at) : image;
		int slash = withoutDigest.lastIndexOf('/');
		int colon = withoutDigest.lastIndexOf(':');
		return (colon > slash) ? withoutDigest.substring(0, colon) : withoutDigest;
	}

	private static String newImage(String current, Map<String, Object> image) {
		String name = (image.get("newName") != null) ? String.valueOf(image.get("newName")) : imageName(current);
		if (image.get("digest") != null) {
			return name + "@" + image.get("digest");
		}
		if (image.get("newTag") != null) {
			return name + ":" + image.get("newTag");
		}
		String suffix = current.substring(imageName(current).length());
		return name + suffix;
	}

	private static Map<String, Object> metadata(Map<String, Object> resource) {
		return writableChild(resource, "metadata");
	}

	private static Map<String, Object> spec(Map<String, Object> resource) {
		return writableChild(resource, "spec");
	}

	private static Map<String, Object> writableChild(Map<String, Object> parent, String key) {
		Object child = parent.get(key);
		if (!(child instanceof Map)) {
			child = new LinkedHashMap<String, Object>();
			parent.put(key, child);
		}
		return Yamls.map(child);
	}

	@Override
	public String toString() {
		return name();
	}

}
