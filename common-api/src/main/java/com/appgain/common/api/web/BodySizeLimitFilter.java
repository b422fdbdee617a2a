package com.appgain.common.api.web;

import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a body whose declared length is over the limit before reading any of it; a
 * chunked body over the limit fails in the codec, with the same 413.
 */
public class BodySizeLimitFilter implements WebFilter, Ordered {

	private final long maxBytes;

	public BodySizeLimitFilter(DataSize maxBodySize) {
		this.maxBytes = maxBodySize.toBytes();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > this.maxBytes) {
			return Mono.error(new ApiException(ErrorType.PAYLOAD_TOO_LARGE,
					"Request body is larger than " + this.maxBytes + " bytes"));
		}
		return chain.filter(exchange);
	}

}
