package com.appgain.common.api.openapi;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Where a service that uses springdoc serves its description, at the lowest precedence:
 * {@code /api/<spring.application.name>/openapi}, under the path the gateway routes to
 * the service, built at start-up (a classpath scan, not on the event-loop thread of the
 * first request) and advertised in the registry metadata entry {@code api-docs}, from
 * which the gateway's portal lists it. {@link OpenApiAutoConfiguration} makes it a public
 * path.
 */
public class OpenApiDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String DOCS_PATH = "springdoc.api-docs.path";

	// the class OpenApiAutoConfiguration is conditional on: the path is set exactly where
	// it is made public
	private static final String SPRINGDOC = "org.springdoc.core.customizers.OpenApiCustomizer";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!ClassUtils.isPresent(SPRINGDOC, application.getClassLoader())) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("appgainOpenApiDefaults",
					Map.of(DOCS_PATH, "/api/${spring.application.name}/openapi", "springdoc.pre-loading-enabled",
							"true", "eureka.instance.metadata-map.api-docs", "${" + DOCS_PATH + "}")));
	}

}
