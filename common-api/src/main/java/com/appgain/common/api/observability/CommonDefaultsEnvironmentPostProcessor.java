package com.appgain.common.api.observability;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the defaults every service shares ({@code appgain-defaults.yml}) at the lowest
 * precedence, so a service's {@code application.yml} or the environment can override
 * each: probes, the endpoints exposed, JSON logs, snake_case JSON, registry timing, token
 * verification.
 */
public class CommonDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String RESOURCE = "appgain-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(load());
	}

	static PropertySource<?> load() {
		try {
			return new YamlPropertySourceLoader().load("appgainCommonDefaults", new ClassPathResource(RESOURCE)).get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

}
