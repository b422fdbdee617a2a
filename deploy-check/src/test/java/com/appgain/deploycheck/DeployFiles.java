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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The repository's deployment files, kubectl's rendering and the external tools, for the
 * tests.
 */
final class DeployFiles {

	static final List<String> OVERLAYS = List.of("dev", "prod");

	private static final Modules MODULES = new Modules(Modules.repoRoot());

	private static final AtomicBoolean NOTICE_PRINTED = new AtomicBoolean();

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

	/**
	 * A kustomization rendered by {@code kubectl kustomize}; without kubectl the test is
	 * skipped, with a one-line notice on the console (never a silent pass).
	 */
	static List<Map<String, Object>> render(Path kustomization) {
		if (!KubectlKustomize.isAvailable()) {
			if (!NOTICE_PRINTED.getAndSet(true)) {
				System.err.println(KubectlKustomize.skipNotice());
			}
			Assumptions.abort(KubectlKustomize.skipNotice());
		}
		return KubectlKustomize.render(kustomization);
	}

	/**
	 * Runs a command line tool that may be missing ({@code promtool}); without it the
	 * test is skipped with a one-line notice.
	 */
	static ToolRun run(String tool, String... arguments) {
		List<String> command = new ArrayList<>(List.of(tool));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
			}
			return new ToolRun(process.exitValue(), new String(process.getInputStream().readAllBytes()));
		}
		catch (IOException ex) {
			String notice = "deploy-check: " + tool + " not found on the PATH; " + String.join(" ", command)
					+ " NOT run";
			System.err.println(notice);
			Assumptions.abort(notice);
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record ToolRun(int exitCode, String output) {
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
