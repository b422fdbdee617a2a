package com.appgain.gateway.ratelimit;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import com.appgain.common.api.security.UserAuthentication;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Whose bucket a request takes a token from: the user of a verified token, else the
 * client's address. The address comes from {@code X-Forwarded-For} only as far as the
 * configured number of trusted proxies reach, so a client cannot pick its own key.
 */
class CallerKeyResolver implements KeyResolver {

	private static final RemoteAddressResolver CONNECTION = new RemoteAddressResolver() {
	};

	private final RemoteAddressResolver addresses;

	CallerKeyResolver(int trustedProxyHops) {
		this.addresses = (trustedProxyHops > 0) ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxyHops)
				: CONNECTION;
	}

	@Override
	public Mono<String> resolve(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(UserAuthentication.class::isInstance)
			.map((principal) -> "user:" + ((UserAuthentication) principal).user().id())
			.switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientAddress(exchange)));
	}

	private String clientAddress(ServerWebExchange exchange) {
		InetSocketAddress address = this.addresses.resolve(exchange);
		return (address != null) ? address.getHostString() : "unknown";
	}

}
