package com.appgain.common.api.security;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Public paths that a common-api feature adds to the service's
 * {@code appgain.security.public-paths} (the OpenAPI description, say): the service lets
 * them through without a token and publishes them to the gateway with its own.
 *
 * @param paths as in {@code appgain.security.public-paths}
 */
public record AdditionalPublicPaths(List<String> paths) {

	static List<String> with(List<String> configured, ObjectProvider<AdditionalPublicPaths> additional) {
		return Stream.concat(configured.stream(), additional.orderedStream().flatMap((added) -> added.paths().stream()))
			.distinct()
			.toList();
	}

}
