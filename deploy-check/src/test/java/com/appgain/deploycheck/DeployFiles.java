package com.appgain.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The repository's deployment files and the renderers, for the tests.
 */
final class DeployFiles {

	static final List<String> OVERLAYS = List.of("dev", "prod");

	private static final Modules MODULES = new Modules(Modules.repoRoot());

	private DeployFiles() {
	}

	static Modules modules() {
		return MODULES;
	}

	static Path repo() {
		return MODULES.root();
	}

	static Path overlay(String name) {
		return repo().resolve("deploy/k8s/overlays").resolve(name);
	}

	/** The built-in renderer always; kubectl's too where kubectl is on the PATH. */
	static List<Renderer> renderers() {
		List<Renderer> renderers = new ArrayList<>();
		renderers.add(new BuiltinKustomize());
		if (KubectlKustomize.isAvailable()) {
			renderers.add(new KubectlKustomize());
		}
		return renderers;
	}

	static Path testResource(String name) {
		try {
			return Path.of(Objects.requireNonNull(DeployFiles.class.getResource("/" + name), name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Copies a test-resource directory to {@code deploy-check/target/<name>}, two levels
	 * below the repository root, so that its relative paths ({@code ../../../deploy/...})
	 * reach the repository's files.
	 */
	static Path copyToTarget(String name) {
		Path source = testResource(name);
		Path target = repo().resolve("deploy-check/target").resolve(name.replace('/', '-'));
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path destination = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(file, destination, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	static String describe(List<Finding> findings) {
		return findings.isEmpty() ? "no findings"
				: findings.stream().map(Finding::toString).collect(Collectors.joining("\n  ", "\n  ", "\n"));
	}

	static List<String> messagesAbout(List<Finding> findings, String subjectPrefix) {
		return findings.stream()
			.filter((finding) -> finding.subject().startsWith(subjectPrefix))
			.map(Finding::message)
			.toList();
	}

	static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
		return resources.stream().filter((resource) -> kind.equals(resource.get("kind"))).toList();
	}

	static Map<String, Object> resource(List<Map<String, Object>> resources, String kind, String name) {
		return resources.stream()
			.filter((resource) -> kind.equals(resource.get("kind")))
			.filter((resource) -> name.equals(Yamls.at(resource, "metadata", "name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
	}

}
