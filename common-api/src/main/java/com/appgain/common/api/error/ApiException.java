package com.appgain.common.api.error;

import java.time.Duration;
import java.util.List;

/**
 * A failure that domain code raises and common-api renders as the error envelope. Create
 * it through the static factories, e.g. {@code ApiException.notFound("Example")}.
 */
public class ApiException extends RuntimeException {

	private final ErrorType type;

	private final List<FieldError> errors;

	private final Duration retryAfter;

	public ApiException(ErrorType type, String message) {
		this(type, message, List.of(), null, null);
	}

	public ApiException(ErrorType type, String message, List<FieldError> errors, Duration retryAfter, Throwable cause) {
		super((message != null) ? message : type.defaultMessage(), cause, false, false);
		this.type = type;
		this.errors = List.copyOf(errors);
		this.retryAfter = retryAfter;
	}

	public ErrorType type() {
		return this.type;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** How long a client should wait before retrying, when the failure says so. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	public static ApiException badRequest(String message) {
		return new ApiException(ErrorType.BAD_REQUEST, message);
	}

	public static ApiException invalid(String message, List<FieldError> errors) {
		return new ApiException(ErrorType.BAD_REQUEST, message, errors, null, null);
	}

	public static ApiException unauthorized(String message) {
		return new ApiException(ErrorType.UNAUTHORIZED, message);
	}

	public static ApiException forbidden(String message) {
		return new ApiException(ErrorType.FORBIDDEN, message);
	}

	/**
	 * A 404 for the named resource: {@code notFound("Example")} says "Example not found".
	 */
	public static ApiException notFound(String resource) {
		return new ApiException(ErrorType.NOT_FOUND, resource + " not found");
	}

	public static ApiException conflict(String message) {
		return new ApiException(ErrorType.CONFLICT, message);
	}

	public static ApiException tooManyRequests(String message, Duration retryAfter) {
		return new ApiException(ErrorType.TOO_MANY_REQUESTS, message, List.of(), retryAfter, null);
	}

	public static ApiException serverError(String message) {
		return new ApiException(ErrorType.SERVER_ERROR, message);
	}

	public static ApiException serviceUnavailable(String message) {
		return new ApiException(ErrorType.SERVICE_UNAVAILABLE, message);
	}

	public static ApiException gatewayTimeout(String message) {
		return new ApiException(ErrorType.GATEWAY_TIMEOUT, message);
	}

	/** One failing field of a request: a JSON path (or parameter name) and the reason. */
	public record FieldError(String path, String message) {
	}

}
