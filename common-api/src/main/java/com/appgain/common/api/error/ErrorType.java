package com.appgain.common.api.error;

import org.springframework.http.HttpStatus;

/**
 * Every kind of failure the suite reports, each with its HTTP status and the
 * machine-readable {@code error} code of the envelope (the blueprint's
 * {@code APIError.*Error} classes).
 */
public enum ErrorType {

	BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad_request", "Bad request"),

	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required"),

	FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Access denied"),

	NOT_FOUND(HttpStatus.NOT_FOUND, "not_found", "Resource not found"),

	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "Method not allowed"),

	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This endpoint only produces application/json"),

	CONFLICT(HttpStatus.CONFLICT, "conflict", "Resource conflict"),

	PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "Request body is too large"),

	URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri_too_long", "Request line is too long"),

	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
			"Request body must be application/json"),

	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", "Too many requests"),

	HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request_header_fields_too_large",
			"Request header fields are too large"),

	SERVER_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "server_error", "Internal server error"),

	BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "bad_gateway", "Upstream service failed"),

	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "Service unavailable"),

	GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway_timeout", "Upstream service timed out");

	private final HttpStatus status;

	private final String code;

	private final String defaultMessage;

	ErrorType(HttpStatus status, String code, String defaultMessage) {
		this.status = status;
		this.code = code;
		this.defaultMessage = defaultMessage;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public String defaultMessage() {
		return this.defaultMessage;
	}

	/**
	 * The type for an HTTP status, {@link #SERVER_ERROR} for one the suite does not use.
	 */
	public static ErrorType of(int status) {
		for (ErrorType type : values()) {
			if (type.status.value() == status) {
				return type;
			}
		}
		return (status >= 400 && status < 500) ? BAD_REQUEST : SERVER_ERROR;
	}

}
