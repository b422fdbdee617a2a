package com.appgain.deploycheck;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables one module's configuration reads: every {@code ${VAR...}}
 * placeholder in its {@code src/main/resources/application*.yml|yaml|properties}, per
 * profile, and in its Java sources ({@code @Value("${REGISTRY_USER:appgain}")}), plus,
 * for a module built on common-api, the placeholders of common-api's sources (its
 * defaults, e.g. {@code ${SENTRY_DSN:}}).
 */
public final class ModuleConfig {

	/** Where a variable is read. */
	record Use(String profile, boolean hasDefault, String defaultValue) {
	}

	private final String module;

	private final Map<String, List<Use>> uses;

	private final Integer port;

	private final Integer managementPort;

	private final boolean commonApi;

	private ModuleConfig(String module, Map<String, List<Use>> uses, Integer port, Integer managementPort,
			boolean commonApi) {
		this.module = module;
		this.uses = uses;
		this.port = port;
		this.managementPort = managementPort;
		this.commonApi = commonApi;
	}

	/**
	 * Reads the configuration of {@code module}, a directory of {@code repoRoot} with a
	 * pom.xml.
	 */
	public static ModuleConfig load(Path repoRoot, String module) {
		Path directory = repoRoot.resolve(module);
		if (!Files.isRegularFile(directory.resolve("pom.xml"))) {
			throw new IllegalArgumentException("no module " + module + " in " + repoRoot);
		}
		Map<String, List<Use>> uses = new LinkedHashMap<>();
		Integer port = null;
		Integer managementPort = null;
		for (Path file : applicationFiles(directory.resolve("src/main/resources"))) {
			for (Map.Entry<String, Map<String, Object>> document : documents(file)) {
				String profile = document.getKey();
				for (Map.Entry<String, Object> entry : Yamls.flatten(document.getValue()).entrySet()) {
					String value = Yamls.string(entry.getValue());
					record(uses, profile, entry.getKey());
					record(uses, profile, value);
					if (profile == null && "server.port".equals(entry.getKey()) && value != null) {
						port = port(value);
					}
					if (profile == null && "management.server.port".equals(entry.getKey()) && value != null) {
						managementPort = port(value);
					}
				}
			}
		}
		// placeholders in the module's own code too: @Value("${REGISTRY_USER:appgain}")
		for (Path source : javaSources(directory.resolve("src/main/java"))) {
			recordCode(uses, Yamls.read(source));
		}
		boolean commonApi = Yamls.read(directory.resolve("pom.xml")).contains("<artifactId>common-api</artifactId>");
		if (commonApi) {
			Path commonApiDirectory = repoRoot.resolve("common-api");
			for (Path source : javaSources(commonApiDirectory.resolve("src/main/java"))) {
				recordCode(uses, Yamls.read(source));
			}
			Path resources = commonApiDirectory.resolve("src/main/resources");
			for (Path file : applicationFiles(resources)) {
				record(uses, null, Yamls.read(file));
			}
			Path defaults = resources.resolve(COMMON_DEFAULTS);
			if (Files.isRegularFile(defaults)) {
				record(uses, null, Yamls.read(defaults));
			}
		}
		return new ModuleConfig(module, uses, port, managementPort, commonApi);
	}

	/**
	 * Placeholders in code, and variables code reads by name from the environment:
	 * {@code environment.getProperty("REGISTRY_PASSWORD")}; code that reads a variable by
	 * name handles its absence itself, so such a read never makes the variable required.
	 */
	private static void recordCode(Map<String, List<Use>> uses, String source) {
		record(uses, null, source);
		Matcher read = ENVIRONMENT_READ.matcher(source);
		while (read.find()) {
			uses.computeIfAbsent(read.group(1), (name) -> new ArrayList<>()).add(new Use(null, true, null));
		}
	}

	private static void record(Map<String, List<Use>> uses, String profile, String text) {
		for (Placeholders.Placeholder placeholder : Placeholders.find(text)) {
			if (placeholder.isEnvironmentVariable()) {
				uses.computeIfAbsent(placeholder.name(), (name) -> new ArrayList<>())
					.add(new Use(profile, placeholder.hasDefault(), placeholder.defaultValue()));
			}
		}
	}

	private static Integer port(String value) {
		String literal = value;
		List<Placeholders.Placeholder> placeholders = Placeholders.find(value);
		if (!placeholders.isEmpty()) {
			literal = placeholders.get(0).defaultValue();
		}
		try {
			return (literal != null) ? Integer.valueOf(literal.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Each document of a configuration file with its profile ({@code null}: always). */
	private static List<Map.Entry<String, Map<String, Object>>> documents(Path file) {
		List<Map.Entry<String, Map<String, Object>>> documents = new ArrayList<>();
		String name = file.getFileName().toString();
		String fileProfile = profileOfFileName(name);
		if (name.endsWith(".properties")) {
			Properties properties = new Properties();
			try {
				properties.load(new StringReader(Yamls.read(file)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Map<String, Object> map = new LinkedHashMap<>();
			properties.forEach((key, value) -> map.put(String.valueOf(key), value));
			String profile = (fileProfile != null) ? fileProfile
					: Yamls.string(map.get("spring.config.activate.on-profile"));
			documents.add(new java.util.AbstractMap.SimpleEntry<>(profile, map));
			return documents;
		}
		for (Object document : Yamls.loadAll(file)) {
			Map<String, Object> map = Yamls.map(document);
			Map<String, Object> flat = Yamls.flatten(map);
			String profile = (fileProfile != null) ? fileProfile
					: Yamls.string(flat.getOrDefault("spring.config.activate.on-profile", flat.get("spring.profiles")));
			documents.add(new java.util.AbstractMap.SimpleEntry<>(profile, map));
		}
		return documents;
	}

	private static String profileOfFileName(String name) {
		String base = name.substring(0, name.lastIndexOf('.'));
		return base.startsWith("application-") ? base.substring("application-".length()) : null;
	}

	private static List<Path> applicationFiles(Path resources) {
		if (!Files.isDirectory(resources)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(resources)) {
			return files
				.filter((file) -> file.getFileName().toString().matches("application(-[^.]+)?\\.(yml|yaml|properties)"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> javaSources(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final Pattern ENVIRONMENT_READ = Pattern.compile("getProperty\\(\"([A-Z][A-Z0-9_]*)\"");

	/** The defaults common-api adds to every module's environment. */
	static final String COMMON_DEFAULTS = "appgain-defaults.yml";

	public String module() {
		return this.module;
	}

	/** The server port its configuration defaults to ({@code ${PORT:8081}}), or null. */
	public Integer port() {
		return this.port;
	}

	/**
	 * The management (actuator) port its configuration defaults to
	 * ({@code management.server.port: ${MANAGEMENT_PORT:9081}}), or null when actuator
	 * shares the server port.
	 */
	public Integer managementPort() {
		return this.managementPort;
	}

	public boolean usesCommonApi() {
		return this.commonApi;
	}

	/** Whether the configuration reads this environment variable (in any profile). */
	public boolean reads(String variable) {
		return this.uses.containsKey(variable);
	}

	public Set<String> variables() {
		return new TreeSet<>(this.uses.keySet());
	}

	/**
	 * The variables read without a default by a document active under these profiles:
	 * start-up fails without them.
	 */
	public Set<String> required(Collection<String> activeProfiles) {
		Set<String> required = new TreeSet<>();
		this.uses.forEach((variable, uses) -> {
			for (Use use : uses) {
				if (!use.hasDefault() && isActive(use.profile(), activeProfiles)) {
					required.add(variable);
				}
			}
		});
		return required;
	}

	private static boolean isActive(String profileExpression, Collection<String> activeProfiles) {
		if (profileExpression == null) {
			return true;
		}
		for (String profile : profileExpression.split("[,|&!()\\s]+")) {
			if (!profile.isBlank() && activeProfiles.contains(profile.trim())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return this.module + " reads " + variables();
	}

}
