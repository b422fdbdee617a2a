package com.appgain.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a docker-compose.yml.
 * <ul>
 * <li>every service: a health check, a pinned image, {@code depends_on} with
 * {@code condition: service_healthy}, no literal secret (a variable named like a secret
 * must be a {@code ${VAR}} reference without a default; no password in a literal
 * URL);</li>
 * <li>a service of one of this repository's modules (build arg {@code MODULE} or image
 * {@value Modules#IMAGE_PREFIX}): sets only variables its module's configuration reads,
 * sets the connections and required variables it needs, passes every secret it reads
 * through from {@code .env}, health-checks {@code /readyz} on the module's management
 * port, publishes only the module's own port and never the management port;</li>
 * <li>every variable the file refers to is documented in .env.example, which holds no
 * secret value.</li>
 * </ul>
 */
public final class ComposeChecker {

	private static final Pattern VARIABLE = Pattern
		.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

	private static final Pattern WHOLE_REFERENCE = Pattern
		.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

	private final Modules modules;

	public ComposeChecker(Modules modules) {
		this.modules = modules;
	}

	public List<Finding> check(Path composeFile, Path envExample) {
		List<Finding> findings = new ArrayList<>();
		String text = Yamls.read(composeFile);
		Map<String, Object> compose = Yamls.map(Yamls.loadAll(text).get(0));
		Map<String, Object> services = Yamls.map(compose.get("services"));
		if (services.isEmpty()) {
			findings.add(new Finding(composeFile.getFileName().toString(), "has no services"));
		}
		services.forEach((name, definition) -> checkService(name, Yamls.map(definition), services, findings));
		if (envExample != null) {
			checkEnvExample(variables(compose, new LinkedHashSet<>()), envExample, findings);
		}
		return findings;
	}

	private void checkService(String name, Map<String, Object> service, Map<String, Object> services,
			List<Finding> findings) {
		String subject = "compose service " + name;
		String image = Yamls.string(service.get("image"));
		if (image != null) {
			String problem = Modules.imageProblem(image);
			if (problem != null) {
				findings.add(new Finding(subject, problem));
			}
		}
		else if (service.get("build") == null) {
			findings.add(new Finding(subject, "has neither image nor build"));
		}
		Map<String, Object> healthcheck = Yamls.map(service.get("healthcheck"));
		List<Object> test = (healthcheck.get("test") instanceof String command) ? List.of("CMD-SHELL", command)
				: Yamls.list(healthcheck.get("test"));
		if (healthcheck.isEmpty() || test.isEmpty() || "NONE".equals(test.get(0))
				|| Boolean.TRUE.equals(healthcheck.get("disable"))) {
			findings.add(new Finding(subject, "has no health check"));
		}
		Object dependsOn = service.get("depends_on");
		if (dependsOn instanceof List) {
			findings.add(new Finding(subject,
					"depends_on without conditions only waits for a start: use condition: service_healthy"));
		}
		Yamls.map(dependsOn).forEach((dependency, options) -> {
			Object condition = Yamls.map(options).get("condition");
			if (!"service_healthy".equals(condition) && !"service_completed_successfully".equals(condition)) {
				findings.add(new Finding(subject,
						"depends on " + dependency + " without condition: service_healthy (has " + condition + ")"));
			}
			if (!services.containsKey(dependency)) {
				findings.add(new Finding(subject, "depends on " + dependency + ", which is not a service"));
			}
			else if ("service_healthy".equals(condition)
					&& Yamls.map(Yamls.map(services.get(dependency)).get("healthcheck")).isEmpty()) {
				findings.add(new Finding(subject, "waits for " + dependency
						+ " to be healthy, but it has no health check: compose never starts " + name));
			}
		});
		if (service.get("env_file") != null) {
			findings.add(new Finding(subject,
					"env_file passes variables that cannot be checked: list them under environment"));
		}
		Map<String, String> environment = environment(service.get("environment"));
		environment.forEach((variable, value) -> checkLiteralSecret(subject, variable, value, findings));
		String module = module(service);
		if (module == null) {
			if (service.get("build") != null) {
				findings.add(new Finding(subject, "builds an image without a MODULE build arg"));
			}
			return;
		}
		if (!this.modules.exists(module)) {
			findings
				.add(new Finding(subject, "is built from " + module + ", which is not a module of this repository"));
			return;
		}
		if (image == null || !module.equals(Modules.moduleOfImage(image))) {
			findings.add(new Finding(subject, "builds " + module + " but does not tag it " + Modules.IMAGE_PREFIX
					+ module + ":<version> as the Kubernetes manifests do"));
		}
		checkModuleEnvironment(subject, module, environment, findings);
		Integer managementPort = managementPortOf(module, environment);
		String command = String.join(" ", test.stream().map(String::valueOf).toList());
		if (managementPort != null && !healthcheck.isEmpty() && !command.contains(":" + managementPort + "/readyz")) {
			findings.add(new Finding(subject, "health check does not ask " + module + "'s management port "
					+ managementPort + " for /readyz: " + command));
		}
		Integer port = portOf(module, environment);
		for (Object published : Yamls.list(service.get("ports"))) {
			Integer target = containerPort(String.valueOf(published));
			if (target != null && target.equals(managementPort)) {
				findings.add(new Finding(subject, "publishes its management port " + managementPort
						+ " (actuator stays on the compose network)"));
			}
			else if (target != null && !target.equals(port)) {
				findings.add(new Finding(subject, "publishes port " + target + ", which " + module
						+ " does not listen on (it listens on " + port + ")"));
			}
		}
	}

	/**
	 * The container side of a published port: {@code [ip:][host:]container[/protocol]}.
	 */
	private static Integer containerPort(String published) {
		String withoutProtocol = published.replaceFirst("/(tcp|udp)$", "");
		String container = withoutProtocol.substring(withoutProtocol.lastIndexOf(':') + 1);
		return container.matches("\\d+") ? Integer.valueOf(container) : null;
	}

	private Integer managementPortOf(String module, Map<String, String> environment) {
		String port = resolveDefault(environment.get("MANAGEMENT_PORT"));
		if (port != null && port.matches("\\d+")) {
			return Integer.valueOf(port);
		}
		return this.modules.config(module).managementPort();
	}

	private void checkModuleEnvironment(String subject, String module, Map<String, String> environment,
			List<Finding> findings) {
		for (String variable : environment.keySet()) {
			if (!this.modules.reads(module, variable)) {
				findings.add(new Finding(subject,
						"sets " + variable + ", which " + module + "'s configuration does not read"));
			}
		}
		String profilesValue = resolveDefault(environment.get("SPRING_PROFILES_ACTIVE"));
		List<String> profiles = (profilesValue == null || profilesValue.isBlank()) ? List.of()
				: Arrays.stream(profilesValue.split(",")).map(String::trim).toList();
		for (String needed : this.modules.needed(module, profiles)) {
			if (!environment.containsKey(needed)) {
				findings.add(new Finding(subject, "does not set " + needed + ", which " + module + " needs"));
			}
		}
		for (String secret : this.modules.secrets(module)) {
			String value = environment.get(secret);
			if (value == null) {
				findings.add(new Finding(subject,
						"does not pass " + secret + " (read by " + module + ") as ${" + secret + "} from .env"));
			}
		}
	}

	private static void checkLiteralSecret(String subject, String variable, String value, List<Finding> findings) {
		if (EnvNames.isSecretLike(variable)) {
			Matcher reference = WHOLE_REFERENCE.matcher(value.trim());
			if (!reference.matches()) {
				if (!value.isEmpty()) {
					findings.add(new Finding(subject, variable + " looks like a secret but has a literal value: use ${"
							+ variable + "} and .env"));
				}
			}
			else if (reference.group(2) != null && reference.group(2).endsWith("-")
					&& !EnvNames.isPlaceholder(reference.group(3))) {
				findings.add(new Finding(subject, variable + " has a default secret value in the compose file"));
			}
		}
		if (EnvNames.hasUrlPassword(value)) {
			findings.add(new Finding(subject, variable + " has a password in a literal URL: use a ${VAR} from .env"));
		}
	}

	private Integer portOf(String module, Map<String, String> environment) {
		String port = resolveDefault(environment.get("PORT"));
		if (port != null && port.matches("\\d+")) {
			return Integer.valueOf(port);
		}
		return this.modules.config(module).port();
	}

	/** A literal as is, {@code ${VAR:-default}} as its default. */
	private static String resolveDefault(String value) {
		if (value == null) {
			return null;
		}
		Matcher reference = WHOLE_REFERENCE.matcher(value.trim());
		if (reference.matches()) {
			return (reference.group(2) != null && reference.group(2).endsWith("-")) ? reference.group(3) : null;
		}
		return value;
	}

	private static String module(Map<String, Object> service) {
		Object build = service.get("build");
		if (build != null) {
			Object args = Yamls.map(build).get("args");
			String module = environment(args).get("MODULE");
			if (module != null) {
				return module;
			}
		}
		return Modules.moduleOfImage(Yamls.string(service.get("image")));
	}

	/** Compose's environment (or build args): a map, or a list of NAME=value. */
	static Map<String, String> environment(Object value) {
		Map<String, String> environment = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> environment.put(String.valueOf(key),
					(element != null) ? String.valueOf(element) : ""));
		}
		for (Object entry : Yamls.list(value)) {
			String text = String.valueOf(entry);
			int equals = text.indexOf('=');
			environment.put((equals >= 0) ? text.substring(0, equals) : text,
					(equals >= 0) ? text.substring(equals + 1) : "");
		}
		return environment;
	}

	/** The variables interpolated anywhere in the file's values (comments aside). */
	private static Set<String> variables(Object node, Set<String> variables) {
		if (node instanceof Map<?, ?> map) {
			map.values().forEach((value) -> variables(value, variables));
		}
		else if (node instanceof List<?> list) {
			list.forEach((value) -> variables(value, variables));
		}
		else if (node != null) {
			Matcher matcher = VARIABLE.matcher(String.valueOf(node));
			while (matcher.find()) {
				variables.add(matcher.group(1));
			}
		}
		return variables;
	}

	private static void checkEnvExample(Set<String> used, Path envExample, List<Finding> findings) {
		String subject = String.valueOf(envExample.getFileName());
		if (!Files.isRegularFile(envExample)) {
			findings.add(new Finding(subject, "is missing: document every variable the compose file uses"));
			return;
		}
		Map<String, String> documented = new LinkedHashMap<>();
		for (String line : Yamls.read(envExample).split("\\R")) {
			String trimmed = line.trim();
			if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
				continue;
			}
			String key = trimmed.substring(0, trimmed.indexOf('=')).replaceFirst("^export\\s+", "").trim();
			String value = trimmed.substring(trimmed.indexOf('=') + 1).trim().replaceAll("^[\"']|[\"']$", "");
			documented.put(key, value);
			if (EnvNames.isSecretLike(key) && !EnvNames.isPlaceholder(value)) {
				findings.add(new Finding(subject, key + " holds a value; an example holds placeholders only"));
			}
			if (EnvNames.hasUrlPassword(value)) {
				findings.add(new Finding(subject, key + " has a password in a URL"));
			}
		}
		for (String variable : used) {
			if (!documented.containsKey(variable)) {
				findings
					.add(new Finding(subject, "does not document ${" + variable + "}, which docker-compose.yml uses"));
			}
		}
	}

}
