package com.appgain.deploycheck;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of rendered Kubernetes manifests that only this repository can make (generic
 * lint such as probes, resources and selectors is a maintained linter's job; schema
 * validity is {@link StrictManifests}'s):
 * <ul>
 * <li>no secret value in a manifest: no Secret with real data, no literal value (or
 * ConfigMap) for a variable named like a secret, no password inside a literal URL; and
 * every ConfigMap key a container refers to exists;</li>
 * <li>a container of one of this repository's modules ({@value Modules#IMAGE_PREFIX}):
 * sets only variables its module's configuration reads, sets the connections and required
 * variables it needs, wires every secret it reads from a Secret, exposes the module's
 * port, and points its probes and its Prometheus annotation at the module's management
 * port.</li>
 * </ul>
 */
public final class ManifestChecker {

	private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
			"Job", "CronJob", "Pod");

	private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

	private final Modules modules;

	public ManifestChecker(Modules modules) {
		this.modules = modules;
	}

	/** A workload and its pod template. */
	record Workload(String kind, String name, String namespace, Map<String, Object> labels,
			Map<String, Object> annotations, Map<String, Object> podSpec, Map<String, Object> resource) {

		String id() {
			return this.kind + "/" + this.name;
		}

		List<Map<String, Object>> containers() {
			return Yamls.maps(this.podSpec.get("containers"));
		}

	}

	/** An environment variable as a container gets it. */
	record EnvVar(String name, String source, Object value, Map<String, Object> reference) {
	}

	public List<Finding> check(List<Map<String, Object>> resources) {
		List<Finding> findings = new ArrayList<>();
		List<Workload> workloads = new ArrayList<>();
		for (Map<String, Object> resource : resources) {
			Workload workload = workload(resource);
			if (workload != null) {
				workloads.add(workload);
			}
		}
		for (Map<String, Object> resource : resources) {
			String kind = Yamls.string(resource.get("kind"));
			String subject = kind + "/" + Yamls.at(resource, "metadata", "name");
			if ("Secret".equals(kind)) {
				checkSecret(resource, subject, findings);
			}
			if ("ConfigMap".equals(kind)) {
				checkConfigMap(resource, subject, findings);
			}
		}
		for (Workload workload : workloads) {
			checkWorkload(workload, resources, findings);
		}
		return findings;
	}

	private static Workload workload(Map<String, Object> resource) {
		String kind = Yamls.string(resource.get("kind"));
		if (!WORKLOAD_KINDS.contains(kind)) {
			return null;
		}
		Map<String, Object> template = switch (kind) {
			case "Pod" -> resource;
			case "CronJob" -> Yamls.map(Yamls.at(resource, "spec", "jobTemplate", "spec", "template"));
			default -> Yamls.map(Yamls.at(resource, "spec", "template"));
		};
		return new Workload(kind, Yamls.string(Yamls.at(resource, "metadata", "name")), namespace(resource),
				Yamls.map(Yamls.at(template, "metadata", "labels")),
				Yamls.map(Yamls.at(template, "metadata", "annotations")), Yamls.map(template.get("spec")), resource);
	}

	private static String namespace(Map<String, Object> resource) {
		return Objects.toString(Yamls.at(resource, "metadata", "namespace"), "");
	}

	// --- workloads ---------------------------------------------------------------------

	private void checkWorkload(Workload workload, List<Map<String, Object>> resources, List<Finding> findings) {
		String subject = workload.id();
		for (Map<String, Object> container : workload.containers()) {
			checkEnvironment(workload, container, subject + " container " + container.get("name"), resources, findings);
		}
		for (Map<String, Object> container : Yamls.maps(workload.podSpec().get("initContainers"))) {
			checkEnvironment(workload, container, subject + " init container " + container.get("name"), resources,
					findings);
		}
	}

	/**
	 * Probes and the Prometheus annotation on the module's management port: the public
	 * port answers 404 for them.
	 */
	private static void checkManagementPort(Workload workload, Map<String, Object> container, String subject,
			String module, Integer managementPort, List<Finding> findings) {
		if (managementPort == null) {
			return;
		}
		for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
			Object port = Yamls.at(container, probe, "httpGet", "port");
			if (port != null && !managementPort.equals(portNumber(container, port))) {
				findings.add(new Finding(subject,
						probe + " asks port " + port + ", not " + module + "'s management port " + managementPort));
			}
		}
		if ("true".equals(Yamls.string(workload.annotations().get("prometheus.io/scrape")))) {
			String port = Yamls.string(workload.annotations().get("prometheus.io/port"));
			if (!String.valueOf(managementPort).equals(port)) {
				findings.add(new Finding(workload.id(),
						"prometheus.io/port is " + port + ", not " + module + "'s management port " + managementPort));
			}
		}
		if (!exposes(container, managementPort)) {
			findings.add(new Finding(subject,
					"does not expose containerPort " + managementPort + ", " + module + "'s management port"));
		}
	}

	/** A port by number, or the number of the container port of that name. */
	private static Integer portNumber(Map<String, Object> container, Object port) {
		String wanted = String.valueOf(port);
		if (wanted.matches("\\d+")) {
			return Integer.valueOf(wanted);
		}
		for (Map<String, Object> declared : Yamls.maps(container.get("ports"))) {
			if (wanted.equals(Yamls.string(declared.get("name")))
					&& declared.get("containerPort") instanceof Integer number) {
				return number;
			}
		}
		return null;
	}

	/** Whether a container declares a port, by number or by name. */
	static boolean exposes(Map<String, Object> container, Object port) {
		String wanted = String.valueOf(port);
		for (Map<String, Object> declared : Yamls.maps(container.get("ports"))) {
			if (wanted.equals(Yamls.string(declared.get("containerPort")))
					|| wanted.equals(Yamls.string(declared.get("name")))) {
				return true;
			}
		}
		return false;
	}

	// --- environment -------------------------------------------------------------------

	private void checkEnvironment(Workload workload, Map<String, Object> container, String subject,
			List<Map<String, Object>> resources, List<Finding> findings) {
		List<EnvVar> env = environment(workload, container, subject, resources, findings);
		for (EnvVar variable : env) {
			boolean secretLike = EnvNames.isSecretLike(variable.name());
			if (secretLike && "value".equals(variable.source())) {
				findings.add(new Finding(subject, variable.name()
						+ " looks like a secret but has a literal value: take it from a Secret (secretKeyRef)"));
			}
			if (secretLike && "configMap".equals(variable.source())) {
				findings.add(new Finding(subject,
						variable.name() + " looks like a secret but comes from a ConfigMap: use a Secret"));
			}
			if ("value".equals(variable.source()) && EnvNames.hasUrlPassword(Yamls.string(variable.value()))) {
				findings.add(new Finding(subject,
						variable.name() + " has a password in a literal URL: take it from a Secret (secretKeyRef)"));
			}
		}
		String module = Modules.moduleOfImage(Yamls.string(container.get("image")));
		if (module == null) {
			return;
		}
		if (!this.modules.exists(module)) {
			findings
				.add(new Finding(subject, "image " + container.get("image") + " names no module of this repository"));
			return;
		}
		Set<String> referenced = new LinkedHashSet<>();
		for (EnvVar variable : env) {
			referenced.addAll(references(Yamls.string(variable.value())));
		}
		for (Object argument : concat(Yamls.list(container.get("command")), Yamls.list(container.get("args")))) {
			referenced.addAll(references(String.valueOf(argument)));
		}
		Map<String, EnvVar> byName = new LinkedHashMap<>();
		for (EnvVar variable : env) {
			byName.put(variable.name(), variable);
			if (!this.modules.reads(module, variable.name()) && !referenced.contains(variable.name())) {
				findings.add(new Finding(subject,
						"sets " + variable.name() + ", which " + module + "'s configuration does not read"));
			}
		}
		EnvVar profilesVariable = byName.get("SPRING_PROFILES_ACTIVE");
		List<String> profiles = (profilesVariable != null && "value".equals(profilesVariable.source()))
				? Arrays.stream(String.valueOf(profilesVariable.value()).split(",")).map(String::trim).toList()
				: List.of();
		for (String needed : this.modules.needed(module, profiles)) {
			if (!byName.containsKey(needed)) {
				findings.add(new Finding(subject, "does not set " + needed + ", which " + module + " needs"
						+ (profiles.isEmpty() ? "" : " with profiles " + profiles)));
			}
		}
		for (String secret : this.modules.secrets(module)) {
			EnvVar variable = byName.get(secret);
			if (variable == null) {
				findings.add(new Finding(subject,
						"does not wire " + secret + " (read by " + module + ") from a Secret (secretKeyRef)"));
			}
		}
		ModuleConfig config = this.modules.config(module);
		EnvVar portVariable = byName.get("PORT");
		Object port = (portVariable != null && "value".equals(portVariable.source())) ? portVariable.value()
				: config.port();
		if (port != null && !exposes(container, port)) {
			findings.add(new Finding(subject,
					"does not expose containerPort " + port + ", the port " + module + " listens on"));
		}
		EnvVar managementVariable = byName.get("MANAGEMENT_PORT");
		Object managementPort = (managementVariable != null && "value".equals(managementVariable.source()))
				? managementVariable.value() : config.managementPort();
		checkManagementPort(workload, container, subject, module,
				(managementPort != null) ? Integer.valueOf(String.valueOf(managementPort)) : null, findings);
	}

	private List<EnvVar> environment(Workload workload, Map<String, Object> container, String subject,
			List<Map<String, Object>> resources, List<Finding> findings) {
		List<EnvVar> env = new ArrayList<>();
		for (Map<String, Object> source : Yamls.maps(container.get("envFrom"))) {
			String prefix = Objects.toString(source.get("prefix"), "");
			Map<String, Object> configMapRef = Yamls.map(source.get("configMapRef"));
			if (!configMapRef.isEmpty()) {
				Map<String, Object> configMap = find(resources, "ConfigMap", Yamls.string(configMapRef.get("name")),
						workload.namespace());
				if (configMap == null && !Boolean.TRUE.equals(configMapRef.get("optional"))) {
					findings.add(new Finding(subject, "envFrom refers to ConfigMap " + configMapRef.get("name")
							+ ", which is not among the manifests"));
				}
				if (configMap != null) {
					Yamls.map(configMap.get("data"))
						.forEach((key, value) -> env.add(new EnvVar(prefix + key, "configMap", value, configMapRef)));
				}
			}
			if (source.get("secretRef") != null) {
				findings.add(new Finding(subject, "envFrom secretRef hides which variables it sets: use one "
						+ "secretKeyRef per variable so they can be checked"));
			}
		}
		for (Map<String, Object> variable : Yamls.maps(container.get("env"))) {
			String name = Yamls.string(variable.get("name"));
			Map<String, Object> valueFrom = Yamls.map(variable.get("valueFrom"));
			if (variable.containsKey("value") && !valueFrom.isEmpty()) {
				findings.add(new Finding(subject, name + " has both value and valueFrom"));
			}
			if (!valueFrom.isEmpty()) {
				Map<String, Object> configMapKeyRef = Yamls.map(valueFrom.get("configMapKeyRef"));
				if (!configMapKeyRef.isEmpty()) {
					checkConfigMapKey(configMapKeyRef, name, subject, workload.namespace(), resources, findings);
					Map<String, Object> configMap = find(resources, "ConfigMap",
							Yamls.string(configMapKeyRef.get("name")), workload.namespace());
					Object value = (configMap != null)
							? Yamls.map(configMap.get("data")).get(Yamls.string(configMapKeyRef.get("key"))) : null;
					env.add(new EnvVar(name, "configMap", value, configMapKeyRef));
				}
				else if (valueFrom.get("secretKeyRef") != null) {
					env.add(new EnvVar(name, "secret", null, Yamls.map(valueFrom.get("secretKeyRef"))));
				}
				else if (valueFrom.get("fieldRef") != null) {
					env.add(new EnvVar(name, "field", null, Yamls.map(valueFrom.get("fieldRef"))));
				}
				else {
					env.add(new EnvVar(name, "other", null, valueFrom));
				}
			}
			else {
				env.add(new EnvVar(name, "value", Objects.toString(variable.get("value"), ""), Map.of()));
			}
		}
		return env;
	}

	private static void checkConfigMapKey(Map<String, Object> reference, String variable, String subject,
			String namespace, List<Map<String, Object>> resources, List<Finding> findings) {
		if (Boolean.TRUE.equals(reference.get("optional"))) {
			return;
		}
		String name = Yamls.string(reference.get("name"));
		Map<String, Object> configMap = find(resources, "ConfigMap", name, namespace);
		if (configMap == null) {
			findings.add(new Finding(subject,
					variable + " refers to ConfigMap " + name + ", which is not among the manifests"));
		}
		else if (!Yamls.map(configMap.get("data")).containsKey(Yamls.string(reference.get("key")))) {
			findings.add(new Finding(subject,
					variable + " refers to key " + reference.get("key") + ", which ConfigMap " + name + " lacks"));
		}
	}

	private static Set<String> references(String text) {
		Set<String> names = new LinkedHashSet<>();
		if (text != null) {
			Matcher matcher = REFERENCE.matcher(text);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	private static List<Object> concat(List<Object> first, List<Object> second) {
		List<Object> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	// --- secrets -----------------------------------------------------------------------

	private static void checkSecret(Map<String, Object> secret, String subject, List<Finding> findings) {
		Yamls.map(secret.get("stringData")).forEach((key, value) -> {
			if (!EnvNames.isPlaceholder(Yamls.string(value))) {
				findings.add(new Finding(subject, "holds a literal value for " + key
						+ ": create Secrets out of band and refer to them (secretKeyRef)"));
			}
		});
		Yamls.map(secret.get("data")).forEach((key, value) -> {
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(String.valueOf(value).trim()), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				decoded = String.valueOf(value);
			}
			if (!EnvNames.isPlaceholder(decoded)) {
				findings.add(new Finding(subject, "holds a literal value for " + key
						+ ": create Secrets out of band and refer to them (secretKeyRef)"));
			}
		});
	}

	private static void checkConfigMap(Map<String, Object> configMap, String subject, List<Finding> findings) {
		Yamls.map(configMap.get("data")).forEach((key, value) -> {
			String text = Yamls.string(value);
			if (EnvNames.isSecretLike(key) && !EnvNames.isPlaceholder(text)) {
				findings.add(new Finding(subject, key + " looks like a secret: keep it in a Secret, not a ConfigMap"));
			}
			if (EnvNames.hasUrlPassword(text)) {
				findings.add(new Finding(subject, key + " has a password in a URL: keep it in a Secret"));
			}
		});
	}

	private static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name,
			String namespace) {
		for (Map<String, Object> resource : resources) {
			if (kind.equals(resource.get("kind")) && Objects.equals(name, Yamls.at(resource, "metadata", "name"))
					&& namespace.equals(namespace(resource))) {
				return resource;
			}
		}
		return null;
	}

}
