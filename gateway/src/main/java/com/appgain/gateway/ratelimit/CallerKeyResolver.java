package com.appgain.gateway.ratelimit;

import reactor.core.publisher.Mono;

import com.appgain.common.api.security.UserAuthentication;
import com.appgain.gateway.headers.ClientAddresses;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Whose bucket a request takes a token from: the user of a verified token, else the
 * client's address as {@link ClientAddresses} resolved it (the TCP peer, or what a
 * trusted proxy forwarded), the same address the services are told, so a client cannot
 * pick its own key.
 */
class CallerKeyResolver implements KeyResolver {

	private final ClientAddresses clientAddresses;

	CallerKeyResolver(ClientAddresses clientAddresses) {
		this.clientAddresses = clientAddresses;
	}

	@Override
	public Mono<String> resolve(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(UserAuthentication.class::isInstance)
			.map((principal) -> "user:" + ((UserAuthentication) principal).user().id())
			.switchIfEmpty(Mono.fromSupplier(() -> "ip:" + this.clientAddresses.of(exchange)));
	}

}
