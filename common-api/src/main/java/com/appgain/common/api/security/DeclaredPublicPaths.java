package com.appgain.common.api.security;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Requests that need no token beyond {@code appgain.security.public-paths}, decided at
 * request time: the gateway learns them from what each service declares in the registry.
 * Define a bean of this type to add them to the security chain.
 */
public interface DeclaredPublicPaths extends ServerWebExchangeMatcher {

	/** The registry metadata key under which a service declares its public paths. */
	String METADATA_KEY = "public-paths";

}
