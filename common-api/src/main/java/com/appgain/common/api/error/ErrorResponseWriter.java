package com.appgain.common.api.error;

import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.common.api.web.RequestIdFilter;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the error envelope straight to a response, whatever the request's {@code Accept}
 * said: used by the global error handler, the security entry points and the gateway.
 */
public class ErrorResponseWriter {

	private final JsonMapper jsonMapper;

	public ErrorResponseWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	public Mono<Void> write(ServerWebExchange exchange, ApiException ex) {
		return write(exchange, ex.type(), ex.getMessage(), ex.errors(), ex.retryAfter());
	}

	public Mono<Void> write(ServerWebExchange exchange, ErrorType type, String message) {
		return write(exchange, type, message, List.of(), null);
	}

	/**
	 * The envelope of a failure with the type's default message, as bytes: for answers
	 * written below WebFlux, where there is no exchange.
	 */
	public byte[] envelope(ErrorType type, String requestId) {
		return this.jsonMapper.writeValueAsBytes(ErrorBody.of(type, type.defaultMessage(), requestId, List.of()));
	}

	private Mono<Void> write(ServerWebExchange exchange, ErrorType type, String message,
			List<ApiException.FieldError> errors, java.time.Duration retryAfter) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		String requestId = RequestIdFilter.of(exchange);
		HttpHeaders headers = response.getHeaders();
		response.setStatusCode(type.status());
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(RequestIdFilter.HEADER, requestId);
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		}
		byte[] body = this.jsonMapper.writeValueAsBytes(ErrorBody.of(type, message, requestId, errors));
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
