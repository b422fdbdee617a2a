package com.appgain.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployable modules of the repository and the rules every deployment file follows
 * about the environment it gives them.
 */
public final class Modules {

	/** Images of this repository's modules: {@code ghcr.io/appgain/<module>:<tag>}. */
	public static final String IMAGE_PREFIX = "ghcr.io/appgain/";

	/**
	 * Variables read by the JVM or by Spring Boot itself rather than through a
	 * placeholder in a module's configuration.
	 */
	public static final Set<String> READ_BY_PLATFORM = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS",
			"JDK_JAVA_OPTIONS", "JAVA_OPTS");

	/**
	 * Read with a localhost default: a container must always set them when its module
	 * reads them.
	 */
	public static final Set<String> CONNECTIONS = new LinkedHashSet<>(
			List.of("MONGODB_URI", "REDIS_URL", "EUREKA_URL"));

	private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

	private final Path root;

	private final Map<String, ModuleConfig> configs = new ConcurrentHashMap<>();

	public Modules(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/** The repository root: {@code deploycheck.repo-root}, else the parent directory. */
	public static Path repoRoot() {
		String configured = System.getProperty("deploycheck.repo-root");
		Path root = Path.of((configured != null) ? configured : "..").toAbsolutePath().normalize();
		if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("deploy"))) {
			throw new IllegalStateException("not the repository root (no pom.xml and deploy/): " + root);
		}
		return root;
	}

	public Path root() {
		return this.root;
	}

	/**
	 * The modules that are deployed: those of the root pom's modules built into a Spring
	 * Boot application (spring-boot-maven-plugin).
	 */
	public List<String> deployable() {
		List<String> deployable = new ArrayList<>();
		Matcher matcher = MODULE.matcher(Yamls.read(this.root.resolve("pom.xml")));
		while (matcher.find()) {
			String module = matcher.group(1).trim();
			Path pom = this.root.resolve(module).resolve("pom.xml");
			if (Files.isRegularFile(pom)
					&& Yamls.read(pom).contains("<artifactId>spring-boot-maven-plugin</artifactId>")) {
				deployable.add(module);
			}
		}
		return deployable;
	}

	public boolean exists(String module) {
		return Files.isRegularFile(this.root.resolve(module).resolve("pom.xml"));
	}

	public ModuleConfig config(String module) {
		return this.configs.computeIfAbsent(module, (name) -> ModuleConfig.load(this.root, name));
	}

	/**
	 * The module an image is built from, or null for an image from elsewhere (mongo,
	 * redis, ...).
	 */
	public static String moduleOfImage(String image) {
		if (image == null || !image.startsWith(IMAGE_PREFIX)) {
			return null;
		}
		String rest = image.substring(IMAGE_PREFIX.length());
		int end = rest.length();
		for (char separator : new char[] { ':', '@' }) {
			int index = rest.indexOf(separator);
			if (index >= 0) {
				end = Math.min(end, index);
			}
		}
		return rest.substring(0, end);
	}

	/**
	 * What is wrong with an image reference: no tag, or a moving tag; null when it is
	 * pinned (a fixed tag or a digest).
	 */
	public static String imageProblem(String image) {
		if (image == null || image.isBlank()) {
			return "no image";
		}
		if (image.contains("@sha256:")) {
			return null;
		}
		int slash = image.lastIndexOf('/');
		int colon = image.lastIndexOf(':');
		if (colon <= slash) {
			return "image " + image + " has no tag (it means :latest); use a fixed version";
		}
		String tag = image.substring(colon + 1);
		if (tag.isBlank() || tag.equalsIgnoreCase("latest") || tag.contains("${") || tag.contains("$(")) {
			return "image " + image + " has no fixed tag; use a fixed version, never latest";
		}
		return null;
	}

	/**
	 * The variables a container of this module must be given under these profiles: the
	 * connections it reads (their defaults point at localhost) and those read without a
	 * default.
	 */
	public Set<String> needed(String module, Collection<String> activeProfiles) {
		ModuleConfig config = config(module);
		Set<String> needed = new TreeSet<>(config.required(activeProfiles));
		for (String connection : CONNECTIONS) {
			if (config.reads(connection)) {
				needed.add(connection);
			}
		}
		return needed;
	}

	/** The secrets the module reads: each must be wired from a secret store. */
	public Set<String> secrets(String module) {
		Set<String> secrets = new TreeSet<>();
		for (String variable : config(module).variables()) {
			if (EnvNames.isSecretLike(variable)) {
				secrets.add(variable);
			}
		}
		return secrets;
	}

	public boolean reads(String module, String variable) {
		return READ_BY_PLATFORM.contains(variable) || config(module).reads(variable);
	}

}
