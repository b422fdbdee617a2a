package com.appgain.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Replicas authenticate to each other like any client: with the {@code peer} profile
 * (where this registry is itself a Eureka client) the {@code EUREKA_PEERS} URLs, and
 * {@code my-url} so that a replica still recognises itself in that list, get
 * {@code REGISTRY_USER} / {@code REGISTRY_PASSWORD} as user info, which Eureka's
 * replication client sends as HTTP basic.
 */
class PeerCredentialsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final String PEERS = "eureka.client.service-url.defaultZone";

	private static final String MY_URL = "eureka.server.my-url";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String password = environment.getProperty("REGISTRY_PASSWORD");
		if (!environment.getProperty("eureka.client.register-with-eureka", Boolean.class, false) || password == null
				|| password.isBlank()) {
			return;
		}
		String userInfo = encode(environment.getProperty("REGISTRY_USER", "appgain")) + ":" + encode(password) + "@";
		Map<String, Object> withCredentials = new HashMap<>();
		for (String key : new String[] { PEERS, MY_URL }) {
			String urls = environment.getProperty(key);
			if (urls != null) {
				withCredentials.put(key,
						Arrays.stream(urls.split(","))
							.map((url) -> url.trim().replaceFirst("^(https?://)(?![^/]*@)", "$1" + userInfo))
							.collect(Collectors.joining(",")));
			}
		}
		environment.getPropertySources().addFirst(new MapPropertySource("registryPeerCredentials", withCredentials));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
