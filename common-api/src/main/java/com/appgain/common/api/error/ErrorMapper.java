package com.appgain.common.api.error;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Translates any failure, the framework's own included, into an {@link ApiException}
 * whose message is safe to show a client. Unknown failures become a bare 500.
 */
public final class ErrorMapper {

	private static final java.util.Set<String> OUTAGES = java.util.Set.of(
			"org.springframework.dao.DataAccessResourceFailureException",
			"org.springframework.data.redis.RedisConnectionFailureException", "com.mongodb.MongoTimeoutException",
			"com.mongodb.MongoSocketException", "com.mongodb.MongoSocketOpenException",
			"com.mongodb.MongoSocketReadException", "com.mongodb.MongoSocketReadTimeoutException",
			"io.lettuce.core.RedisConnectionException");

	private ErrorMapper() {
	}

	public static ApiException toApiException(Throwable ex) {
		if (ex instanceof ApiException api) {
			return api;
		}
		if (hasCause(ex, DataBufferLimitException.class) || ex instanceof PayloadTooLargeException) {
			return new ApiException(ErrorType.PAYLOAD_TOO_LARGE, null);
		}
		if (ex instanceof AuthenticationException) {
			return ApiException.unauthorized("Invalid or missing token");
		}
		if (ex instanceof AccessDeniedException) {
			return ApiException.forbidden(null);
		}
		if (ex instanceof ResponseStatusException status) {
			return fromStatusException(status);
		}
		if (isDataStoreOutage(ex)) {
			return ApiException.serviceUnavailable("A data store is unavailable, try again shortly");
		}
		return new ApiException(ErrorType.SERVER_ERROR, null);
	}

	private static ApiException fromStatusException(ResponseStatusException ex) {
		if (ex instanceof MethodNotAllowedException notAllowed) {
			return new ApiException(ErrorType.METHOD_NOT_ALLOWED,
					"Method " + notAllowed.getHttpMethod() + " is not allowed here");
		}
		if (ex instanceof NotAcceptableStatusException) {
			return new ApiException(ErrorType.NOT_ACCEPTABLE, null);
		}
		if (ex instanceof UnsupportedMediaTypeStatusException) {
			return new ApiException(ErrorType.UNSUPPORTED_MEDIA_TYPE, null);
		}
		if (ex instanceof WebExchangeBindException bind) {
			return ApiException.invalid("Invalid request",
					bind.getFieldErrors()
						.stream()
						.map((error) -> new ApiException.FieldError(error.getField(), error.getDefaultMessage()))
						.toList());
		}
		if (ex instanceof MissingRequestValueException missing) {
			return ApiException.badRequest("Missing " + missing.getLabel() + " '" + missing.getName() + "'");
		}
		if (ex instanceof ServerWebInputException input) {
			return fromInputException(input);
		}
		int status = ex.getStatusCode().value();
		if (status == 404) {
			return new ApiException(ErrorType.NOT_FOUND, null);
		}
		return new ApiException(ErrorType.of(status), null);
	}

	private static ApiException fromInputException(ServerWebInputException ex) {
		if (ex.getReason() != null && ex.getReason().startsWith("No request body")) {
			return ApiException.badRequest("Request body is required");
		}
		if (hasCause(ex, DecodingException.class) || hasCause(ex, tools.jackson.core.JacksonException.class)) {
			return ApiException.badRequest("Malformed JSON request body");
		}
		if (ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null) {
			return ApiException.badRequest("Invalid value for '" + ex.getMethodParameter().getParameterName() + "'");
		}
		return ApiException.badRequest(null);
	}

	// By name: the data libraries are optional here and the gateway has none of them.
	private static boolean isDataStoreOutage(Throwable ex) {
		for (Throwable current = ex; current != null && current.getCause() != current; current = current.getCause()) {
			if (OUTAGES.contains(current.getClass().getName())) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return false;
	}

}
