package ${package}.config;

import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.OpenApiCustomizer;

import com.appgain.common.api.openapi.OpenApiErrors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The failures of changing a document, beside those every service documents (common-api's
 * {@link OpenApiErrors}): who may change it, and optimistic locking.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenApiCustomizer changeErrors() {
		return (openApi) -> openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				if (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
					OpenApiErrors.add(operation, "403", "Authenticated, but neither the owner nor an admin");
					OpenApiErrors.add(operation, "409", "Changed by another request at the same time");
				}
			}));
	}

}
