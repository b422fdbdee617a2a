package com.appgain.gateway.docs;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI descriptions the registered services publish: each declares the path of its
 * description in its registry metadata ({@value #METADATA_KEY}), so a new service appears
 * in the portal with no gateway change. Only a path under the service's own
 * {@code /api/<name>/} is listed, so a description is always fetched through the
 * gateway's routes, never from an actuator or another service.
 */
@Component
class ApiDescriptions {

	static final String METADATA_KEY = "api-docs";

	private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._~/-]+");

	private final ReactiveDiscoveryClient discovery;

	ApiDescriptions(ReactiveDiscoveryClient discovery) {
		this.discovery = discovery;
	}

	Flux<ApiDescription> all() {
		return this.discovery.getServices()
			.distinct()
			.flatMap(this::describe)
			.sort(Comparator.comparing(ApiDescription::name));
	}

	private Mono<ApiDescription> describe(String service) {
		return this.discovery.getInstances(service)
			.next()
			.mapNotNull((instance) -> declared(service.toLowerCase(Locale.ROOT), instance));
	}

	private static ApiDescription declared(String service, ServiceInstance instance) {
		String path = instance.getMetadata().get(METADATA_KEY);
		if (path == null || !path.startsWith("/api/" + service + "/") || path.contains("..")
				|| !SAFE_PATH.matcher(path).matches()) {
			return null;
		}
		return new ApiDescription(service, path);
	}

	/** One entry of Swagger UI's {@code urls}. */
	record ApiDescription(String name, String url) {
	}

}
