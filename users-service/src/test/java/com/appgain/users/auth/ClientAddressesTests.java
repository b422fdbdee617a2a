package com.appgain.users.auth;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.appgain.common.api.web.AddressRange;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressesTests {

	private final ClientAddresses addresses = new ClientAddresses(
			new AuthProperties(5, 20, Duration.ofMinutes(15), List.of("10.0.0.0/8", "::1/128")));

	@Test
	void aDirectClientIsItsRemoteAddress() {
		assertThat(this.addresses.of(request("203.0.113.7"))).isEqualTo("203.0.113.7");
	}

	@Test
	void anUntrustedClientCannotClaimAnotherAddress() {
		assertThat(this.addresses.of(request("203.0.113.7", "X-Client-Address", "198.51.100.1")))
			.isEqualTo("203.0.113.7");
	}

	@Test
	void theTrustedGatewayNamesTheClient() {
		assertThat(this.addresses.of(request("10.1.2.3", "X-Client-Address", "198.51.100.1")))
			.isEqualTo("198.51.100.1");
		assertThat(this.addresses.of(request("::1", "X-Client-Address", "2001:db8::5")))
			.isEqualTo("2001:db8:0:0:0:0:0:5");
	}

	@Test
	void forwardingHeadersAreIgnoredEvenFromTheGateway() {
		assertThat(this.addresses.of(request("10.1.2.3", "X-Forwarded-For", "198.51.100.1"))).isEqualTo("10.1.2.3");
		assertThat(this.addresses.of(request("10.1.2.3", "Forwarded", "for=198.51.100.1"))).isEqualTo("10.1.2.3");
		assertThat(this.addresses.of(request("10.1.2.3", "X-Real-IP", "198.51.100.1"))).isEqualTo("10.1.2.3");
	}

	@Test
	void aListOrAHostNameIsNotAnAddress() {
		assertThat(this.addresses.of(request("10.1.2.3", "X-Client-Address", "1.1.1.1, 198.51.100.1")))
			.isEqualTo("10.1.2.3");
		assertThat(this.addresses.of(request("10.1.2.3", "X-Client-Address", "example.com"))).isEqualTo("10.1.2.3");
	}

	@Test
	void aMisconfiguredRangeStopsStartUp() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new ClientAddresses(new AuthProperties(5, 20, Duration.ofMinutes(1), List.of("gateway"))));
	}

	@Test
	void rangesMatchOnTheirPrefix() {
		AddressRange range = AddressRange.parse("192.168.16.0/20");
		assertThat(range.contains(AddressRange.literal("192.168.31.255"))).isTrue();
		assertThat(range.contains(AddressRange.literal("192.168.32.0"))).isFalse();
		assertThat(range.contains(AddressRange.literal("::1"))).isFalse();
	}

	private static MockServerHttpRequest request(String remote, String... header) {
		MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.post("/api/users/auth/login")
			.remoteAddress(new InetSocketAddress(remote, 40000));
		if (header.length > 0) {
			builder.header(header[0], header[1]);
		}
		return builder.build();
	}

}
