package com.appgain.gateway.headers;

import java.util.List;

import reactor.core.publisher.Mono;

import com.appgain.common.api.web.RequestIdFilter;
import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the request a service receives: headers claiming an identity are dropped, since
 * only the verified token (forwarded unchanged) says who the caller is, and the request
 * id the gateway answers with is set so that the service logs the same id.
 */
@Component
class UpstreamRequestHeadersFilter implements GlobalFilter, Ordered {

	private final IdentityHeaders identityHeaders;

	UpstreamRequestHeadersFilter(ApiGatewayProperties properties) {
		this.identityHeaders = new IdentityHeaders(properties.identityHeaders());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String requestId = RequestIdFilter.of(exchange);
		ServerHttpRequest request = exchange.getRequest();
		if (isClean(request.getHeaders(), requestId)) {
			return chain.filter(exchange);
		}
		ServerHttpRequest upstream = request.mutate().headers((headers) -> rewrite(headers, requestId)).build();
		return chain.filter(exchange.mutate().request(upstream).build());
	}

	private boolean isClean(HttpHeaders headers, String requestId) {
		if (!requestId.equals(headers.getFirst(RequestIdFilter.HEADER))) {
			return false;
		}
		for (String name : headers.headerNames()) {
			if (this.identityHeaders.matches(name)) {
				return false;
			}
		}
		return true;
	}

	private void rewrite(HttpHeaders headers, String requestId) {
		List<String> forged = headers.headerNames().stream().filter(this.identityHeaders::matches).toList();
		forged.forEach(headers::remove);
		headers.set(RequestIdFilter.HEADER, requestId);
	}

}
