package com.appgain.users.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import com.appgain.common.api.web.AddressRange;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request. The gateway resolves it and sends it as
 * {@value #HEADER}; that header is believed only on a connection from a trusted gateway
 * address ({@code TRUSTED_GATEWAY_ADDRESSES}). From anyone else the TCP peer is the
 * client, whatever headers it sent.
 */
@Component
class ClientAddresses {

	static final String HEADER = "X-Client-Address";

	private final List<AddressRange> trustedGateways;

	ClientAddresses(AuthProperties properties) {
		this.trustedGateways = AddressRange.parseAll(properties.trustedProxies());
	}

	String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		InetAddress peer = (remote != null) ? remote.getAddress() : null;
		if (peer == null) {
			return "unknown";
		}
		if (AddressRange.anyContains(this.trustedGateways, peer)) {
			List<String> claimed = request.getHeaders().getValuesAsList(HEADER);
			InetAddress client = (claimed.size() == 1) ? AddressRange.literal(claimed.get(0).trim()) : null;
			if (client != null) {
				return client.getHostAddress();
			}
		}
		return peer.getHostAddress();
	}

}
