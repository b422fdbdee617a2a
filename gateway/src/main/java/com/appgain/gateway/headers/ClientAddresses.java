package com.appgain.gateway.headers;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import com.appgain.common.api.web.AddressRange;
import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address of the client behind a request: the TCP peer, unless the peer is a trusted
 * proxy ({@code GATEWAY_TRUSTED_PROXIES}, none by default). Then {@code X-Forwarded-For}
 * is walked from the right, each trusted hop vouching for the one before it, so the first
 * untrusted address is the client and whatever a client wrote further left is ignored.
 * The rate limiter and the services ({@value #HEADER}) see this same address.
 */
@Component
public class ClientAddresses {

	/** The one header that tells a service who the client is. */
	public static final String HEADER = "X-Client-Address";

	private static final String ATTRIBUTE = ClientAddresses.class.getName();

	private final List<AddressRange> trustedProxies;

	@Autowired
	ClientAddresses(ApiGatewayProperties properties) {
		this(properties.trustedProxies());
	}

	ClientAddresses(List<String> trustedProxies) {
		this.trustedProxies = AddressRange.parseAll(trustedProxies);
	}

	/** The client address of the exchange, resolved on first use and kept with it. */
	public String of(ServerWebExchange exchange) {
		String resolved = exchange.getAttribute(ATTRIBUTE);
		if (resolved == null) {
			resolved = resolve(exchange.getRequest());
			exchange.getAttributes().put(ATTRIBUTE, resolved);
		}
		return resolved;
	}

	String resolve(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		InetAddress address = (remote != null) ? remote.getAddress() : null;
		if (address == null) {
			return "unknown";
		}
		List<String> hops = request.getHeaders().getValuesAsList("X-Forwarded-For");
		for (int i = hops.size() - 1; i >= 0 && AddressRange.anyContains(this.trustedProxies, address); i--) {
			InetAddress hop = AddressRange.literal(hops.get(i).trim());
			if (hop == null) {
				break;
			}
			address = hop;
		}
		return address.getHostAddress();
	}

}
