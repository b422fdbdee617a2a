package com.appgain.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.appgain.gateway.GatewayTestSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTests extends GatewayTestSupport {

	@Test
	void callerOverTheBurstGetsTooManyRequestsWithRetryAfter() {
		String bearer = bearerOfNewUser();
		List<Integer> statuses = new ArrayList<>();
		EntityExchangeResult<byte[]> refused = null;
		for (int i = 0; i < 30 && refused == null; i++) {
			EntityExchangeResult<byte[]> result = this.client.get()
				.uri("/api/examples/mine")
				.header(HttpHeaders.AUTHORIZATION, bearer)
				.exchange()
				.expectBody()
				.returnResult();
			statuses.add(result.getStatus().value());
			if (result.getStatus().value() == 429) {
				refused = result;
			}
		}
		assertThat(statuses).startsWith(200, 200, 200, 200, 200, 200, 200, 200, 200, 200).contains(429);
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(refused.getResponseHeaders().getFirst("X-Request-Id")).isNotBlank();
		assertThat(new String(refused.getResponseBody())).contains("\"error\":\"too_many_requests\"")
			.contains("\"status_code\":429");
	}

	@Test
	void eachCallerHasItsOwnBucket() {
		for (int i = 0; i < 12; i++) {
			this.client.get().uri("/api/examples/mine").header(HttpHeaders.AUTHORIZATION, bearerOfNewUser()).exchange();
		}
		this.client.get()
			.uri("/api/examples/mine")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "9");
	}

}
