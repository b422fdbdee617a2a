package com.appgain.gateway.headers;

import com.appgain.common.api.web.RequestIdFilter;
import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the headers a service receives: headers claiming an identity are dropped, since
 * only the verified token (forwarded unchanged) says who the caller is; every forwarding
 * header a client sent ({@code Forwarded}, {@code X-Forwarded-*}, {@code X-Real-IP}) is
 * dropped and replaced by one {@value ClientAddresses#HEADER} the gateway resolved; and
 * the request id the gateway answers with is set so that the service logs the same id. As
 * one of Spring Cloud Gateway's header filters it works on the copy of the headers the
 * routing filter sends, rather than on a mutated copy of the whole request.
 */
@Component
class UpstreamRequestHeadersFilter implements HttpHeadersFilter, Ordered {

	private final IdentityHeaders identityHeaders;

	private final ClientAddresses clientAddresses;

	UpstreamRequestHeadersFilter(ApiGatewayProperties properties, ClientAddresses clientAddresses) {
		this.identityHeaders = new IdentityHeaders(properties.identityHeaders());
		this.clientAddresses = clientAddresses;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders upstream = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!this.identityHeaders.matches(name) && !isForwarding(name)) {
				upstream.addAll(name, values);
			}
		});
		upstream.set(RequestIdFilter.HEADER, RequestIdFilter.of(exchange));
		upstream.set(ClientAddresses.HEADER, this.clientAddresses.of(exchange));
		return upstream;
	}

	private static boolean isForwarding(String name) {
		return name.equalsIgnoreCase("Forwarded") || name.regionMatches(true, 0, "X-Forwarded-", 0, 12)
				|| name.equalsIgnoreCase("X-Real-IP") || name.equalsIgnoreCase(ClientAddresses.HEADER);
	}

}
