package com.appgain.common.api.discovery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the Eureka client the registry's HTTP basic credentials, {@code REGISTRY_USER}
 * (default {@value #DEFAULT_USER}) and {@code REGISTRY_PASSWORD}, by writing them into
 * the user-info part of every {@code eureka.client.service-url.defaultZone} URL: the way
 * Spring Cloud's Eureka transports (and the registry's peer replication) send basic
 * authentication. {@code EUREKA_URL} itself stays a URL without credentials. With the
 * client enabled and no password, start-up stops with {@link MissingRegistryCredentials}.
 */
public class RegistryCredentialsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DEFAULT_USER = "appgain";

	static final String SERVICE_URL = "eureka.client.service-url.defaultZone";

	@Override
	public int getOrder() {
		// after the shared defaults (which name the registry) are in place
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("eureka.client.enabled", Boolean.class, true)) {
			return;
		}
		String serviceUrls = environment.getProperty(SERVICE_URL);
		if (serviceUrls == null || serviceUrls.isBlank()) {
			return;
		}
		String password = environment.getProperty("REGISTRY_PASSWORD");
		if (password == null || password.isBlank()) {
			throw new MissingRegistryCredentials();
		}
		String user = environment.getProperty("REGISTRY_USER", DEFAULT_USER);
		String withCredentials = Arrays.stream(serviceUrls.split(","))
			.map((url) -> withUserInfo(url.trim(), user, password))
			.collect(Collectors.joining(","));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("appgainRegistryCredentials", Map.of(SERVICE_URL, withCredentials)));
	}

	static String withUserInfo(String url, String user, String password) {
		URI uri = URI.create(url);
		if (uri.getRawUserInfo() != null) {
			return url;
		}
		String userInfo = encode(user) + ":" + encode(password) + "@";
		int authority = url.indexOf("//") + 2;
		return url.substring(0, authority) + userInfo + url.substring(authority);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
