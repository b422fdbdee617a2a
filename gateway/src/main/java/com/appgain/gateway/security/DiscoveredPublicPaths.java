package com.appgain.gateway.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

import com.appgain.common.api.security.DeclaredPublicPaths;
import com.appgain.common.api.security.PublicPaths;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The public paths each service declares in its registry metadata, so a new service's
 * public routes need no gateway configuration. A service may only open paths under its
 * own prefix {@code /api/<name>}; anything else it declares is ignored.
 * <p>
 * A service that leaves the registry (all its instances gone) keeps the public paths it
 * last declared: its callers then get the gateway's 503 for a service that is
 * unavailable, not a 401 for a login that suddenly needs a token.
 * <p>
 * What a service declares is looked up at most once a second per service, not on every
 * request: the registry client refreshes its copy every few seconds anyway.
 */
@Component
class DiscoveredPublicPaths implements DeclaredPublicPaths {

	private static final String PREFIX = "/api/";

	private final ReactiveDiscoveryClient discovery;

	// parsed once per (service, declaration): matchers are built on the first request
	private final Map<String, ServerWebExchangeMatcher> matchers = new ConcurrentHashMap<>();

	// per service: the matcher of its last declaration, while it has no instance
	private final Map<String, ServerWebExchangeMatcher> lastDeclared = new ConcurrentHashMap<>();

	// per service, its declaration when last looked up; bounded, as any path names one
	private final Cache<String, Optional<ServerWebExchangeMatcher>> recent;

	@Autowired
	DiscoveredPublicPaths(ReactiveDiscoveryClient discovery) {
		this(discovery, Ticker.systemTicker());
	}

	DiscoveredPublicPaths(ReactiveDiscoveryClient discovery, Ticker ticker) {
		this.discovery = discovery;
		this.recent = Caffeine.newBuilder()
			.maximumSize(1_000)
			.expireAfterWrite(Duration.ofSeconds(1))
			.ticker(ticker)
			// maintenance on the caller's thread: no hop to the common pool per request
			.executor(Runnable::run)
			.build();
	}

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		String service = serviceOf(exchange.getRequest().getPath().value());
		if (service == null) {
			return MatchResult.notMatch();
		}
		Optional<ServerWebExchangeMatcher> kept = this.recent.getIfPresent(service);
		if (kept != null) {
			return matches(kept, exchange);
		}
		return this.discovery.getInstances(service)
			.next()
			.map((instance) -> Optional.ofNullable(declaration(service, instance)))
			.switchIfEmpty(Mono.fromSupplier(() -> Optional.ofNullable(this.lastDeclared.get(service))))
			.flatMap((matcher) -> {
				this.recent.put(service, matcher);
				return matches(matcher, exchange);
			});
	}

	private static Mono<MatchResult> matches(Optional<ServerWebExchangeMatcher> matcher, ServerWebExchange exchange) {
		return matcher.map((declared) -> declared.matches(exchange)).orElseGet(MatchResult::notMatch);
	}

	private ServerWebExchangeMatcher declaration(String service, ServiceInstance instance) {
		String declared = instance.getMetadata().get(METADATA_KEY);
		if (declared == null || declared.isBlank()) {
			this.lastDeclared.remove(service);
			return null;
		}
		ServerWebExchangeMatcher matcher = this.matchers.computeIfAbsent(service + '\n' + declared,
				(key) -> ownPaths(service, declared));
		this.lastDeclared.put(service, matcher);
		return matcher;
	}

	private static ServerWebExchangeMatcher ownPaths(String service, String declared) {
		String own = PREFIX + service;
		return PublicPaths.matcher(Arrays.stream(declared.split(","))
			.map(String::trim)
			.filter((entry) -> pathOf(entry).equals(own) || pathOf(entry).startsWith(own + "/"))
			.toList());
	}

	private static String pathOf(String entry) {
		String[] parts = entry.split("\\s+", 2);
		return parts[parts.length - 1];
	}

	static String serviceOf(String path) {
		if (!path.startsWith(PREFIX)) {
			return null;
		}
		int end = path.indexOf('/', PREFIX.length());
		String service = (end < 0) ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end);
		return service.isEmpty() ? null : service;
	}

}
