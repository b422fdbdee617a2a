package com.appgain.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.appgain.common.api.security.DeclaredPublicPaths;
import com.appgain.gateway.ChangingRegistry;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveredPublicPathsTests {

	private final ChangingRegistry registry = new ChangingRegistry().put("users", new DefaultServiceInstance("users-1",
			"users", "10.0.0.1", 8081, false, Map.of(DeclaredPublicPaths.METADATA_KEY, "POST /api/users/auth/login")));

	private final AtomicLong nanos = new AtomicLong();

	private final DiscoveredPublicPaths paths = new DiscoveredPublicPaths(this.registry, this.nanos::get);

	@Test
	void aServiceThatLeftTheRegistryKeepsThePublicPathsItLastDeclared() {
		assertThat(isPublic("/api/users/auth/login")).isTrue();
		this.registry.remove("users");
		aSecondLater();
		assertThat(isPublic("/api/users/auth/login")).as("login while users-service is gone").isTrue();
		assertThat(isPublic("/api/users/me")).isFalse();
	}

	@Test
	void aServiceNeverSeenHasNoPublicPaths() {
		this.registry.remove("users");
		assertThat(isPublic("/api/users/auth/login")).isFalse();
	}

	@Test
	void aNewDeclarationCountsWithinASecond() {
		assertThat(isPublic("/api/users/verify")).isFalse();
		this.registry.put("users", new DefaultServiceInstance("users-1", "users", "10.0.0.1", 8081, false,
				Map.of(DeclaredPublicPaths.METADATA_KEY, "POST /api/users/auth/login, POST /api/users/verify")));
		assertThat(isPublic("/api/users/verify")).as("looked up less than a second ago").isFalse();
		aSecondLater();
		assertThat(isPublic("/api/users/verify")).isTrue();
	}

	private void aSecondLater() {
		this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
	}

	private boolean isPublic(String path) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post(path));
		return this.paths.matches(exchange).block().isMatch();
	}

}
