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
 * only the verified token (forwarded unchanged) says who the caller is; every forwarding
 * header a client sent ({@code Forwarded}, {@code X-Forwarded-*}, {@code X-Real-IP}) is
 * dropped and replaced by one {@value ClientAddresses#HEADER} the gateway resolved; and
 * the request id the gateway answers with is set so that the service logs the same id.
 */
@Component
class UpstreamRequestHeadersFilter implements GlobalFilter, Ordered {

	private final IdentityHeaders identityHeaders;

	private final ClientAddresses clientAddresses;

	UpstreamRequestHeadersFilter(ApiGatewayProperties properties, ClientAddresses clientAddresses) {
		this.identityHeaders = new IdentityHeaders(properties.identityHeaders());
		this.clientAddresses = clientAddresses;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String requestId = RequestIdFilter.of(exchange);
		String clientAddress = this.clientAddresses.resolve(exchange);
		ServerHttpRequest upstream = exchange.getRequest()
			.mutate()
			.headers((headers) -> rewrite(headers, requestId, clientAddress))
			.build();
		return chain.filter(exchange.mutate().request(upstream).build());
	}

	private void rewrite(HttpHeaders headers, String requestId, String clientAddress) {
		List<String> dropped = headers.headerNames()
			.stream()
			.filter((name) -> this.identityHeaders.matches(name) || isForwarding(name))
			.toList();
		dropped.forEach(headers::remove);
		headers.set(RequestIdFilter.HEADER, requestId);
		headers.set(ClientAddresses.HEADER, clientAddress);
	}

	private static boolean isForwarding(String name) {
		return name.equalsIgnoreCase("Forwarded") || name.regionMatches(true, 0, "X-Forwarded-", 0, 12)
				|| name.equalsIgnoreCase("X-Real-IP") || name.equalsIgnoreCase(ClientAddresses.HEADER);
	}

}
