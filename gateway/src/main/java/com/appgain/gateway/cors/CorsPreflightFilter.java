package com.appgain.gateway.cors;

import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ErrorResponseWriter;
import com.appgain.common.api.error.ErrorType;

import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Applies the gateway's global CORS configuration
 * ({@code spring.cloud.gateway.server.webflux.globalcors}) ahead of the token check: a
 * browser sends a preflight without a token, so it is answered here, and a cross-origin
 * request from an origin not allowed gets the 403 envelope.
 */
@Component
class CorsPreflightFilter implements WebFilter, Ordered {

	private final UrlBasedCorsConfigurationSource configurations = new UrlBasedCorsConfigurationSource();

	private final CorsProcessor processor = new DefaultCorsProcessor();

	private final ErrorResponseWriter writer;

	CorsPreflightFilter(GlobalCorsProperties properties, ErrorResponseWriter writer) {
		this.configurations.setCorsConfigurations(properties.getCorsConfigurations());
		this.writer = writer;
	}

	@Override
	public int getOrder() {
		// after the request id, before the body limit and security
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!CorsUtils.isCorsRequest(request)) {
			return chain.filter(exchange);
		}
		if (!this.processor.process(this.configurations.getCorsConfiguration(exchange), exchange)) {
			return this.writer.write(exchange, ErrorType.FORBIDDEN, "Cross-origin request not allowed");
		}
		return CorsUtils.isPreFlightRequest(request) ? exchange.getResponse().setComplete() : chain.filter(exchange);
	}

}
