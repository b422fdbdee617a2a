package com.appgain.gateway.docs;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The API portal: Swagger UI at {@value #DOCS}, listing every service's OpenAPI
 * description from {@value #DOCS}/swagger-config (springdoc's format). Both are public
 * ({@code appgain.security.public-paths}); the descriptions themselves are fetched
 * through the services' routes.
 */
@Configuration(proxyBeanMethods = false)
class DocsRoutes {

	static final String DOCS = "/docs";

	@Bean
	RouterFunction<ServerResponse> apiPortalRoutes(ApiDescriptions descriptions) {
		ClassPathResource page = new ClassPathResource("com/appgain/gateway/docs/index.html");
		ClassPathResource script = new ClassPathResource("com/appgain/gateway/docs/portal.js");
		return RouterFunctions.route()
			.GET(DOCS, (request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
			.GET(DOCS + "/portal.js",
					(request) -> ServerResponse.ok()
						.contentType(MediaType.valueOf("text/javascript"))
						.bodyValue(script))
			.GET(DOCS + "/swagger-config",
					(request) -> descriptions.all()
						.collectList()
						.flatMap((urls) -> ServerResponse.ok().bodyValue(Map.of("urls", urls))))
			.add(RouterFunctions.resources(SwaggerUi.fromWebjar()::lookup))
			.build();
	}

}
