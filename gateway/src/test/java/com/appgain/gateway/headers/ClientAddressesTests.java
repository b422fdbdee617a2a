package com.appgain.gateway.headers;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTests {

	private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "::1/128"));

	private final ClientAddresses direct = new ClientAddresses(List.of(""));

	@Test
	void withoutTrustedProxiesTheClientIsTheConnection() {
		assertThat(this.direct.resolve(request("127.0.0.1", "198.51.100.1"))).isEqualTo("127.0.0.1");
	}

	@Test
	void anUntrustedPeerCannotClaimAnotherAddress() {
		assertThat(this.behindProxies.resolve(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
	}

	@Test
	void behindATrustedProxyTheForwardedAddressIsTheClient() {
		assertThat(this.behindProxies.resolve(request("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
	}

	@Test
	void anAddressTheClientForgedBeforeTheProxyAppendedItsOwnIsIgnored() {
		assertThat(this.behindProxies.resolve(request("10.1.2.3", "1.1.1.1, 198.51.100.1"))).isEqualTo("198.51.100.1");
		assertThat(this.behindProxies.resolve(request("10.1.2.3", "198.51.100.1, 10.9.9.9"))).isEqualTo("198.51.100.1");
	}

	@Test
	void aHostNameIsNeverResolved() {
		assertThat(this.behindProxies.resolve(request("10.1.2.3", "example.com"))).isEqualTo("10.1.2.3");
	}

	private static MockServerHttpRequest request(String peer, String forwardedFor) {
		return MockServerHttpRequest.get("/api/examples")
			.remoteAddress(new InetSocketAddress(peer, 40000))
			.header("X-Forwarded-For", forwardedFor)
			.build();
	}

}
