package com.appgain.common.api.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Accepts the caller's {@code X-Request-Id} (or makes one), echoes it on the response and
 * puts it in the Reactor context, from where it reaches the MDC of log lines
 * (RequestIdLogContext).
 */
public class RequestIdFilter implements WebFilter, Ordered {

	public static final String HEADER = "X-Request-Id";

	/** Reactor context key and MDC key of the request id. */
	public static final String CONTEXT_KEY = "request_id";

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	// A client-chosen id lands in logs and headers: keep it short and free of control
	// chars.
	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String requestId = of(exchange);
		exchange.getResponse().getHeaders().set(HEADER, requestId);
		return chain.filter(exchange).contextWrite(Context.of(CONTEXT_KEY, requestId));
	}

	// Not UUID.randomUUID(): SecureRandom may read /dev/urandom, a blocking call on the
	// event loop, and a request id needs uniqueness, not unpredictability.
	static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

	/** The id of this exchange, assigned on first use. */
	public static String of(ServerWebExchange exchange) {
		String id = exchange.getAttribute(ATTRIBUTE);
		if (id == null) {
			String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
			id = (offered != null && VALID.matcher(offered).matches()) ? offered : newId();
			exchange.getAttributes().put(ATTRIBUTE, id);
		}
		return id;
	}

}
