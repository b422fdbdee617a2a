package com.appgain.common.test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Assertions on the suite's failure envelope, the contract every error answer keeps. */
public final class Envelopes {

	private Envelopes() {
	}

	/**
	 * Asserts a JSON failure envelope with this status and error code, a request id in
	 * the body and the header.
	 * @param response the exchanged response
	 * @param status the HTTP status, also expected as {@code status_code}
	 * @param error the {@code error} code, e.g. {@code not_found}
	 * @return the body, for further checks such as the message
	 */
	public static WebTestClient.BodyContentSpec expectFailure(WebTestClient.ResponseSpec response, int status,
			String error) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("failed")
			.jsonPath("$.error")
			.isEqualTo(error)
			.jsonPath("$.status_code")
			.isEqualTo(status)
			.jsonPath("$.request_id")
			.isNotEmpty();
	}

}
