package com.appgain.gateway.headers;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.appgain.gateway.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamRequestHeadersTests extends GatewayTestSupport {

	@Autowired
	private ApplicationContext context;

	// each one runs on every request; the gateway speaks HTTP/1.1 and has its own rate
	// limit
	@Test
	void noGrpcHeaderFiltersNorSpringCloudGatewaysRedisRateLimiter() {
		assertThat(this.context.getBeansOfType(HttpHeadersFilter.class).values())
			.noneMatch((filter) -> filter.getClass().getSimpleName().startsWith("GRPC"))
			.isNotEmpty();
		assertThat(this.context.getBeansOfType(RedisRateLimiter.class)).isEmpty();
	}

	@Test
	void identityHeadersFromTheClientNeverReachTheService() {
		this.client.get()
			.uri("/api/examples/mine")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.header("X-User-Id", "65a1f0c2b3d4e5f607182930")
			.header("x-user-role", "admin")
			.header("X-Forwarded-User", "root")
			.header("X-Auth-Token", "forged")
			.header("X-Authenticated-Userid", "root")
			.header("Remote-User", "root")
			.header("X-Trace-Me", "kept")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers.x-user-id")
			.doesNotExist()
			.jsonPath("$.headers.x-user-role")
			.doesNotExist()
			.jsonPath("$.headers.x-forwarded-user")
			.doesNotExist()
			.jsonPath("$.headers.x-auth-token")
			.doesNotExist()
			.jsonPath("$.headers.x-authenticated-userid")
			.doesNotExist()
			.jsonPath("$.headers.remote-user")
			.doesNotExist()
			.jsonPath("$.headers.x-trace-me")
			.isEqualTo("kept")
			.jsonPath("$.headers.authorization")
			.exists();
	}

	@Test
	void requestIdOfTheClientIsForwardedAndEchoedOnce() {
		String requestId = newRequestId();
		this.client.get()
			.uri("/api/examples")
			.header("X-Request-Id", requestId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", requestId)
			.expectBody()
			.jsonPath("$.headers.x-request-id")
			.isEqualTo(requestId);
	}

	@Test
	void requestWithoutIdGetsOneThatTheServiceSeesToo() {
		this.client.get().uri("/api/examples").exchange().expectStatus().isOk().expectBody().consumeWith((result) -> {
			List<String> ids = result.getResponseHeaders().get("X-Request-Id");
			assertThat(ids).hasSize(1);
			assertThat(new String(result.getResponseBody())).contains("\"x-request-id\":\"" + ids.get(0) + "\"");
		});
	}

	@Test
	void unusableRequestIdIsReplaced() {
		this.client.get()
			.uri("/api/examples")
			.header("X-Request-Id", "not valid; " + "x".repeat(200))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("X-Request-Id", (id) -> assertThat(id).matches("[0-9a-f-]{36}"))
			.expectBody()
			.jsonPath("$.headers.x-request-id")
			.value((id) -> assertThat((String) id).matches("[0-9a-f-]{36}"));
	}

}
