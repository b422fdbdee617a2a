package com.appgain.users.auth;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import com.appgain.users.IntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong logins fired at one account all at once, each from its own real loopback address
 * (127.0.0.10 to 127.0.0.49, bound on the client's socket, no header involved): every
 * attempt is counted before its password is checked, so no more than the account's limit
 * of them are even tried.
 */
class ParallelLoginTests extends IntegrationTests {

	private static final int CLIENTS = 40;

	@Autowired
	private AuthProperties properties;

	@Test
	void parallelWrongLoginsFromManyAddressesGetNoMoreTriesThanTheAccountLimit() {
		String email = uniqueEmail();
		register(email);
		List<Integer> statuses = Flux.range(10, CLIENTS)
			.flatMap((host) -> wrongLoginFrom("127.0.0." + host, email), CLIENTS)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(statuses).hasSize(CLIENTS).containsOnly(401, 429);
		assertThat(statuses.stream().filter((status) -> status == 401).count()).isPositive()
			.isLessThanOrEqualTo(this.properties.maxFailuresPerAccount());
	}

	private Mono<Integer> wrongLoginFrom(String address, String email) {
		HttpClient http = HttpClient.newConnection().bindAddress(() -> new InetSocketAddress(address, 0));
		return WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.baseUrl(baseUrl().replace("localhost", "127.0.0.1"))
			.build()
			.post()
			.uri("/api/users/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", "wrong password"))
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
	}

}
