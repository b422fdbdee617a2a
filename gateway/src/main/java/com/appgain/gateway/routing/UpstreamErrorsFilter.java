package com.appgain.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Names the failures of a routed request in the error envelope: no instance, connection
 * refused or an open circuit is a 503, no answer in time a 504, a broken answer a 502.
 * Wraps every other gateway filter, so it sees what is left after retries.
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
			.onErrorMap((ex) -> !exchange.getResponse().isCommitted(), (ex) -> translate(serviceOf(exchange), ex));
	}

	private static Throwable translate(String service, Throwable ex) {
		if (ex instanceof ApiException) {
			return ex;
		}
		if (isTimeout(ex)) {
			return failure(ErrorType.GATEWAY_TIMEOUT, "The " + service + " service did not answer in time");
		}
		if (isUnavailable(ex)) {
			return failure(ErrorType.SERVICE_UNAVAILABLE, "The " + service + " service is unavailable");
		}
		// AbortedException: the connection to the service closed before the request went
		// out
		if (ex instanceof IOException || ex instanceof AbortedException) {
			return failure(ErrorType.BAD_GATEWAY, "The " + service + " service failed");
		}
		return ex;
	}

	private static boolean isTimeout(Throwable ex) {
		return hasStatus(ex, 504) || ex instanceof TimeoutException
				|| ex instanceof io.netty.handler.timeout.TimeoutException;
	}

	private static boolean isUnavailable(Throwable ex) {
		return hasStatus(ex, 503) || ex instanceof ConnectException || ex instanceof UnknownHostException
				|| ex instanceof ServiceUnavailableException || ex instanceof CallNotPermittedException;
	}

	private static boolean hasStatus(Throwable ex, int status) {
		return ex instanceof ResponseStatusException statusException
				&& statusException.getStatusCode().value() == status;
	}

	// No cause: the error handler logs every 5xx, and an outage must not cost a stack
	// trace per request.
	private static ApiException failure(ErrorType type, String message) {
		return new ApiException(type, message, List.of(), null, null);
	}

	private static String serviceOf(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String host = (route != null) ? route.getUri().getHost() : null;
		// Eureka spells service ids in capitals
		return (host != null) ? host.toLowerCase(Locale.ROOT) : "upstream";
	}

}
