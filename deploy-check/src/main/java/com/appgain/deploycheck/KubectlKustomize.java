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
 * Renders with {@code kubectl kustomize}, the real thing.
 */
public final class KubectlKustomize implements Renderer {

	private static volatile Boolean available;

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

	@Override
	public String name() {
		return "kubectl kustomize";
	}

	@Override
	public List<Map<String, Object>> render(Path kustomization) {
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

	@Override
	public String toString() {
		return name();
	}

}
