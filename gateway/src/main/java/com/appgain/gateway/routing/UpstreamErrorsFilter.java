package com.appgain.gateway.routing;

import java.util.Locale;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import com.appgain.common.api.client.UpstreamFailures;
import com.appgain.common.api.error.ApiException;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Names the failures of a routed request in the error envelope, as
 * {@link UpstreamFailures} does for every call to a service; any other failure is left to
 * the error handler. Wraps every other gateway filter, so it sees what is left after
 * retries.
 */
@Component
class UpstreamErrorsFilter implements GlobalFilter, Ordered {

	@Override
	public int getOrder() {
		return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		// once the response is committed no envelope can follow (the client went away)
		return chain.filter(exchange)
			.onErrorMap((ex) -> !exchange.getResponse().isCommitted() && clientConnected(exchange),
					(ex) -> translate(serviceOf(exchange), ex));
	}

	// A client that is gone (it hung up, or was cut off for a malformed body) takes the
	// routed request down with it: not a failure of the service, and nobody to answer.
	private static boolean clientConnected(ServerWebExchange exchange) {
		Object request;
		try {
			request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		}
		catch (IllegalStateException noServer) {
			// a request made up without a server (a mock) has no connection to lose
			return true;
		}
		return !(request instanceof Connection connection) || connection.channel().isActive();
	}

	// No cause: the error handler logs every 5xx, and an outage must not cost a stack
	// trace per request.
	private static Throwable translate(String service, Throwable ex) {
		if (ex instanceof ApiException) {
			return ex;
		}
		return UpstreamFailures.typeOf(ex)
			.<Throwable>map((type) -> UpstreamFailures.of(type, service, null))
			.orElse(ex);
	}

	private static String serviceOf(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String host = (route != null) ? route.getUri().getHost() : null;
		// Eureka spells service ids in capitals
		return (host != null) ? host.toLowerCase(Locale.ROOT) : "upstream";
	}

}
