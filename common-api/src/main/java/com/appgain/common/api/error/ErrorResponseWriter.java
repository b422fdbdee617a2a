package com.appgain.common.api.error;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.common.api.web.RequestIdFilter;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
	 * The envelope of a failure with this HTTP status, as bytes: for answers written
	 * below WebFlux, where there is no exchange. A status the suite has no type for keeps
	 * its own code, with its reason phrase as message and error code.
	 */
	public byte[] envelope(int status, String requestId) {
		ErrorType type = ErrorType.of(status);
		if (type.status().value() == status) {
			return this.jsonMapper.writeValueAsBytes(ErrorBody.of(type, type.defaultMessage(), requestId, List.of()));
		}
		HttpStatus known = HttpStatus.resolve(status);
		String reason = (known != null) ? known.getReasonPhrase() : "Request refused";
		String code = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
		return this.jsonMapper.writeValueAsBytes(new ErrorBody("failed", reason, code, status, requestId, List.of()));
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
