package com.appgain.gateway.headers;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import com.appgain.gateway.GatewayTestSupport;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The services learn the client's address from the gateway alone: whatever forwarding
 * headers a client sends are dropped, and one {@code X-Client-Address} carries the TCP
 * peer (no proxy is trusted by default).
 */
class ForwardingHeadersTests extends GatewayTestSupport {

	@LocalServerPort
	private int port;

	@Test
	void forwardingHeadersFromTheClientNeverReachTheService() {
		fromAddress("127.0.0.2").get()
			.uri("/api/examples")
			.header("X-Forwarded-For", "203.0.113.9")
			.header("Forwarded", "for=203.0.113.9;proto=https")
			.header("X-Real-IP", "203.0.113.9")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.header("X-Client-Address", "203.0.113.9")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers.x-client-address")
			.isEqualTo("127.0.0.2")
			.jsonPath("$.headers.x-forwarded-for")
			.doesNotExist()
			.jsonPath("$.headers.forwarded")
			.doesNotExist()
			.jsonPath("$.headers.x-real-ip")
			.doesNotExist()
			.jsonPath("$.headers.x-forwarded-host")
			.doesNotExist()
			.jsonPath("$.headers.x-forwarded-proto")
			.doesNotExist();
	}

	@Test
	void eachClientIsTheAddressItConnectsFrom() {
		fromAddress("127.0.0.3").get()
			.uri("/api/examples")
			.exchange()
			.expectBody()
			.jsonPath("$.headers.x-client-address")
			.isEqualTo("127.0.0.3");
	}

	private WebTestClient fromAddress(String address) {
		HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
			.baseUrl("http://127.0.0.1:" + this.port)
			.build();
	}

}
