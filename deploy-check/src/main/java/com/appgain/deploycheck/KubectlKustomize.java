package com.appgain.deploycheck;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}. Where kubectl is missing the
 * Kubernetes checks cannot run: {@link #skipNotice()} says so on one line.
 */
public final class KubectlKustomize {

	private static volatile Boolean available;

	private KubectlKustomize() {
	}

	/** The one line to print when the Kubernetes checks are skipped. */
	public static String skipNotice() {
		return "deploy-check: kubectl not found on the PATH; Kubernetes manifests NOT rendered or checked";
	}

	/**
	 * Whether an executable kubectl is on the PATH (and not switched off with
	 * {@code -Ddeploycheck.kubectl=false}, to run the checks as on a machine without it).
	 */
	public static boolean isAvailable() {
		Boolean known = available;
		if (known == null) {
			known = !"false".equals(System.getProperty("deploycheck.kubectl")) && findOnPath("kubectl") != null;
			available = known;
		}
		return known;
	}

	private static Path findOnPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (directory.isBlank()) {
				continue;
			}
			Path candidate = Path.of(directory, command);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	public static List<Map<String, Object>> render(Path kustomization) {
		try {
			Path output = Files.createTempFile("kustomize", ".yaml");
			Path errors = Files.createTempFile("kustomize", ".err");
			try {
				Process process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
					.redirectOutput(output.toFile())
					.redirectError(errors.toFile())
					.start();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException("kubectl kustomize " + kustomization + " did not finish in 60 s");
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException("kubectl kustomize " + kustomization + " failed: "
							+ Files.readString(errors, StandardCharsets.UTF_8).trim());
				}
				return new ArrayList<>(Yamls.loadMaps(output));
			}
			finally {
				Files.deleteIfExists(output);
				Files.deleteIfExists(errors);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
