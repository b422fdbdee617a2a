package com.appgain.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The files of the swagger-ui webjar the portal page loads, and nothing else of it (its
 * own index page would open the petstore example).
 */
final class SwaggerUi {

	private static final Set<String> FILES = Set.of("swagger-ui.css", "swagger-ui-bundle.js",
			"swagger-ui-standalone-preset.js", "favicon-32x32.png", "favicon-16x16.png");

	private final String location;

	private SwaggerUi(String location) {
		this.location = location;
	}

	static SwaggerUi fromWebjar() {
		return new SwaggerUi("META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/");
	}

	Mono<Resource> lookup(ServerRequest request) {
		String path = request.path();
		String name = path.substring(path.lastIndexOf('/') + 1);
		if (!path.equals(DocsRoutes.DOCS + "/" + name) || !FILES.contains(name)) {
			return Mono.empty();
		}
		return Mono.just(new ClassPathResource(this.location + name));
	}

	private static String webjarVersion() {
		Properties pom = new Properties();
		try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties")
			.getInputStream()) {
			pom.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The swagger-ui webjar is missing", ex);
		}
		return pom.getProperty("version");
	}

}
