package com.appgain.users.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is read only when
 * the connection comes from a trusted proxy, and then from the right: each trusted hop
 * vouches for the one before it, so the first untrusted address is the client, and
 * whatever a client wrote further left is ignored.
 */
@Component
class ClientAddresses {

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private final List<AddressRange> trustedProxies;

	ClientAddresses(AuthProperties properties) {
		this.trustedProxies = properties.trustedProxies()
			.stream()
			.filter((entry) -> !entry.isBlank())
			.map(AddressRange::parse)
			.toList();
	}

	String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		InetAddress address = (remote != null) ? remote.getAddress() : null;
		if (address == null) {
			return "unknown";
		}
		List<String> hops = request.getHeaders().getValuesAsList(FORWARDED_FOR);
		for (int i = hops.size() - 1; i >= 0 && isTrusted(address); i--) {
			InetAddress hop = AddressRange.literal(hops.get(i).trim());
			if (hop == null) {
				break;
			}
			address = hop;
		}
		return address.getHostAddress();
	}

	private boolean isTrusted(InetAddress address) {
		return this.trustedProxies.stream().anyMatch((range) -> range.contains(address));
	}

}
