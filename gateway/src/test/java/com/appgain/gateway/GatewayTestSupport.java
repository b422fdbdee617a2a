package com.appgain.gateway;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

import com.appgain.common.api.redis.RedisAvailability;
import com.appgain.common.test.Envelopes;
import com.appgain.common.test.FixtureProperties;
import com.appgain.common.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port in front of a {@link FakeUpstream} registered as the
 * services {@code users}, {@code examples}, {@code slow}, {@code flaky} and
 * {@code broken}, {@code down} at an address nothing listens on, {@code twins} at both
 * (one instance killed, one alive), and {@code quiet} at the upstream and at an address
 * that takes connections but never answers; Eureka off, Redis from the fixture, tokens
 * checked with the test key. One context for every test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"eureka.client.enabled=false", "spring.cloud.gateway.server.webflux.httpclient.response-timeout=500ms",
		"spring.cloud.gateway.server.webflux.httpclient.connect-timeout=500",
		"appgain.gateway.rate-limit.replenish-rate=5", "appgain.gateway.rate-limit.burst-capacity=10",
		"spring.cloud.gateway.server.webflux.globalcors.cors-configurations.[/api/**].allowed-origins=https://app.example.com",
		"appgain.redis.connect-retry-interval=200ms", "logging.structured.format.console=" })
@AutoConfigureWebTestClient
public abstract class GatewayTestSupport {

	protected static final FakeUpstream upstream = FakeUpstream.start();

	@Autowired
	protected WebTestClient client;

	@Autowired
	private RedisAvailability redis;

	// a loaded machine may miss the first connection at start-up; the retry comes soon
	@BeforeEach
	void redisIsConnected() {
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(this.redis::isConnected);
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		for (String service : new String[] { "users", "examples", "slow", "flaky", "broken", "gateway" }) {
			registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri", upstream::uri);
		}
		// as users-service and example-service declare them in the registry
		registry.add("spring.cloud.discovery.client.simple.instances.users[0].metadata.public-paths",
				() -> "POST /api/users,POST /api/users/auth/login,POST /api/examples/sneaky");
		registry.add("spring.cloud.discovery.client.simple.instances.examples[0].metadata.public-paths",
				() -> "GET /api/examples,GET /api/examples/*");
		// as services declare their OpenAPI descriptions; slow and flaky point elsewhere
		registry.add("spring.cloud.discovery.client.simple.instances.users[0].metadata.api-docs",
				() -> "/api/users/openapi");
		registry.add("spring.cloud.discovery.client.simple.instances.examples[0].metadata.api-docs",
				() -> "/api/examples/openapi");
		registry.add("spring.cloud.discovery.client.simple.instances.slow[0].metadata.api-docs",
				() -> "/api/users/openapi");
		registry.add("spring.cloud.discovery.client.simple.instances.flaky[0].metadata.api-docs",
				() -> "/api/flaky/../../actuator/env");
		String dead = FakeUpstream.deadUri();
		registry.add("spring.cloud.discovery.client.simple.instances.down[0].uri", () -> dead);
		// two instances, one of them killed
		registry.add("spring.cloud.discovery.client.simple.instances.twins[0].uri", () -> dead);
		registry.add("spring.cloud.discovery.client.simple.instances.twins[1].uri", upstream::uri);
		// two instances, one of them silent (its host cut off)
		String silent = FakeUpstream.silentUri();
		registry.add("spring.cloud.discovery.client.simple.instances.quiet[0].uri", () -> silent);
		registry.add("spring.cloud.discovery.client.simple.instances.quiet[1].uri", upstream::uri);
		FixtureProperties.registerRedis(registry);
		FixtureProperties.registerTestKey(registry);
	}

	/** A token of a user of its own, so that no two tests share a rate limit bucket. */
	protected static String bearerOfNewUser() {
		return "Bearer " + TestTokens.user(TestTokens.newUserId());
	}

	protected static String newRequestId() {
		return UUID.randomUUID().toString();
	}

	protected static void expectEnvelope(WebTestClient.ResponseSpec response, int status, String error) {
		Envelopes.expectFailure(response, status, error);
	}

}
