package com.appgain.common.api.response;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The success envelope (the blueprint's {@code make_response_json}): named payload fields
 * followed by {@code "status": "success"}. {@code ApiResponse.ok("example", example)} or
 * {@code ApiResponse.created().with("message", "...").with("example", e).build()}.
 */
public final class ApiResponse {

	/** The {@code status} of every success envelope. */
	public static final String SUCCESS = "success";

	private final HttpStatus status;

	private final Map<String, Object> body = new LinkedHashMap<>();

	private ApiResponse(HttpStatus status) {
		this.status = status;
	}

	public static ApiResponse status(HttpStatus status) {
		return new ApiResponse(status);
	}

	public static ApiResponse ok() {
		return new ApiResponse(HttpStatus.OK);
	}

	public static ApiResponse created() {
		return new ApiResponse(HttpStatus.CREATED);
	}

	public static ResponseEntity<Map<String, Object>> ok(String key, Object value) {
		return ok().with(key, value).build();
	}

	public ApiResponse with(String key, Object value) {
		this.body.put(key, value);
		return this;
	}

	public ResponseEntity<Map<String, Object>> build() {
		this.body.put("status", SUCCESS);
		return ResponseEntity.status(this.status).body(this.body);
	}

}
