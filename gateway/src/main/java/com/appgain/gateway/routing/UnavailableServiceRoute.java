package com.appgain.gateway.routing;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import com.appgain.common.api.client.UpstreamFailures;
import com.appgain.common.api.error.ErrorType;

import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * A service whose instances have all gone leaves the registry, and with it its route: its
 * callers would get a 404, as for a path that never existed. This last route answers them
 * with the 503 envelope instead, for every service the gateway has routed to since it
 * started; other paths under {@code /api/} still get the 404.
 */
@Configuration(proxyBeanMethods = false)
class UnavailableServiceRoute implements ApplicationListener<RefreshRoutesResultEvent> {

	private static final String PREFIX = "/api/";

	private final Set<String> routed = ConcurrentHashMap.newKeySet();

	@Bean
	RouteLocator unavailableServices(RouteLocatorBuilder routes) {
		return routes.routes()
			.route("api_unavailable",
					(route) -> route.order(Ordered.LOWEST_PRECEDENCE)
						.path(PREFIX + "**")
						.filters((filters) -> filters.filter((exchange, chain) -> Mono.error(answer(exchange))))
						.uri("no://op"))
			.build();
	}

	@Override
	public void onApplicationEvent(RefreshRoutesResultEvent event) {
		if (event.isSuccess() && event.getSource() instanceof RouteLocator routes) {
			routes.getRoutes()
				.map(Route::getUri)
				.filter((uri) -> "lb".equals(uri.getScheme()) && uri.getHost() != null)
				.map(URI::getHost)
				.subscribe((service) -> this.routed.add(service.toLowerCase(Locale.ROOT)));
		}
	}

	// the 404 is the one of a path no route matches
	private RuntimeException answer(ServerWebExchange exchange) {
		String service = serviceOf(exchange.getRequest().getPath().value());
		return (service != null && this.routed.contains(service))
				? UpstreamFailures.of(ErrorType.SERVICE_UNAVAILABLE, service, null)
				: new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	private static String serviceOf(String path) {
		if (!path.startsWith(PREFIX)) {
			return null;
		}
		int end = path.indexOf('/', PREFIX.length());
		return ((end < 0) ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end))
			.toLowerCase(Locale.ROOT);
	}

}
