package com.appgain.gateway.routing;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.TimerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import com.appgain.common.api.redis.RedisAvailability;
import com.appgain.common.test.Management;
import com.appgain.gateway.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTests extends GatewayTestSupport {

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private RedisAvailability redis;

	@Autowired
	private ApplicationContext context;

	@LocalManagementPort
	private int managementPort;

	@Test
	void requestReachesTheServiceNamedInThePathWithPathAndQueryUnchanged() {
		String bearer = bearerOfNewUser();
		this.client.get()
			.uri("/api/examples/65a1f0c2b3d4e5f607182930/items?page=2&limit=5")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.method")
			.isEqualTo("GET")
			.jsonPath("$.uri")
			.isEqualTo("/api/examples/65a1f0c2b3d4e5f607182930/items?page=2&limit=5")
			.jsonPath("$.headers.authorization")
			.isEqualTo(bearer);
	}

	@Test
	void requestBodyIsForwarded() {
		this.client.post()
			.uri("/api/users")
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.bodyValue("{\"email\":\"a@b.c\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.method")
			.isEqualTo("POST")
			.jsonPath("$.body")
			.isEqualTo("{\"email\":\"a@b.c\"}");
	}

	@Test
	void serviceRootPathIsRouted() {
		this.client.get()
			.uri("/api/examples")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.uri")
			.isEqualTo("/api/examples");
	}

	@Test
	void unknownServiceIsNotFound() {
		expectEnvelope(asNewUser("/api/nothing/here", newRequestId()), 404, "not_found");
	}

	@Test
	void theGatewayItselfIsNeverARoute() {
		expectEnvelope(asNewUser("/api/gateway/x", newRequestId()), 404, "not_found");
	}

	@Test
	void internalPathsAreNotRouted() {
		String requestId = newRequestId();
		expectEnvelope(asNewUser("/internal/examples/jobs", requestId), 404, "not_found");
		assertThat(upstream.calls(requestId)).isZero();
	}

	@Test
	void actuatorIsTheGatewaysOwnOnItsManagementPortOnly() {
		String requestId = newRequestId();
		Management.client(this.managementPort)
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		expectEnvelope(this.client.get().uri("/actuator/prometheus").header("X-Request-Id", requestId).exchange(), 404,
				"not_found");
		expectEnvelope(asNewUser("/actuator/env", requestId), 404, "not_found");
		assertThat(upstream.calls(requestId)).isZero();
	}

	@Test
	void pathEscapingTheServiceIsRefused() {
		String requestId = newRequestId();
		expectEnvelope(asNewUser("/api/examples/../../internal/jobs", requestId), 400, "bad_request");
		assertThat(upstream.calls(requestId)).isZero();
	}

	@Test
	void routedRequestsAreTimed() {
		this.client.get().uri("/api/examples").exchange().expectStatus().isOk();
		assertThat(this.meters.find(UpstreamObservationConfiguration.NAME).timers()).isNotEmpty();
	}

	// Prometheus takes one set of tag keys per name (the Redis clients' breakers had no
	// "group", and the services' were refused); each breaker's meters are bound once
	@Test
	void breakersOfTheServicesAndOfRedisAreAllScraped() {
		this.client.get().uri("/api/examples").exchange().expectStatus().isOk();
		this.redis.breaker("ratelimit");
		String scrape = Management.scrape(this.managementPort);
		assertThat(this.context.getBeansOfType(TaggedCircuitBreakerMetricsPublisher.class))
			.as("Resilience4j's binding of the breakers' meters")
			.isEmpty();
		assertThat(this.context.getBeansOfType(CircuitBreakerFactory.class))
			.as("the blocking factory, whose binding is another")
			.isEmpty();
		assertThat(scrape).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"examples\"")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"ratelimit\"");
	}

	@Test
	void ofResilience4jOnlyTheBreakerAndTimeLimiterRegistriesAreStarted() {
		assertThat(this.context.getBeanNamesForType(CircuitBreakerRegistry.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(TimeLimiterRegistry.class)).hasSize(1);
		for (Class<?> unused : new Class<?>[] { BulkheadRegistry.class, ThreadPoolBulkheadRegistry.class,
				RetryRegistry.class, RateLimiterRegistry.class, TimerRegistry.class }) {
			assertThat(this.context.getBeanNamesForType(unused)).as(unused.getSimpleName()).isEmpty();
		}
	}

	@Test
	void clientAddressIsForwardedInXClientAddress() {
		this.client.get()
			.uri("/api/examples")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers.x-client-address")
			.isEqualTo("127.0.0.1")
			.jsonPath("$.headers.x-forwarded-for")
			.doesNotExist();
	}

	private WebTestClient.ResponseSpec asNewUser(String uri, String requestId) {
		return this.client.get()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser())
			.header("X-Request-Id", requestId)
			.exchange();
	}

}
