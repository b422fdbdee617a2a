package com.appgain.common.api.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The failure envelope every client of the suite relies on: {@code {"status": "failed",
 * "message", "error", "status_code", "request_id"}}, plus {@code errors} when individual
 * fields failed.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String status, String message, String error, @JsonProperty("status_code") int statusCode,
		@JsonProperty("request_id") String requestId, List<ApiException.FieldError> errors) {

	public static ErrorBody of(ErrorType type, String message, String requestId, List<ApiException.FieldError> errors) {
		return new ErrorBody("failed", message, type.code(), type.status().value(), requestId, errors);
	}

}
