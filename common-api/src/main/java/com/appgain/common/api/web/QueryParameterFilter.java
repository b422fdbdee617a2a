package com.appgain.common.api.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, with a 400, a query parameter given more than once (Spring would join the
 * values into {@code "a,b"}) and any parameter name or value holding a control character
 * (a NUL ends a BSON string and fails deep in the MongoDB driver). Every parameter of the
 * suite is single-valued and printable, so this holds for all of them before any handler
 * runs.
 */
public class QueryParameterFilter implements WebFilter, Ordered {

	// Names are echoed in the message only when they are short and plain.
	private static final Pattern PRINTABLE_NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,40}");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getURI().getRawQuery() == null) {
			return chain.filter(exchange);
		}
		for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
			String problem = problem(parameter.getKey(), parameter.getValue());
			if (problem != null) {
				return Mono.error(ApiException.badRequest(problem));
			}
		}
		return chain.filter(exchange);
	}

	private static String problem(String name, List<String> values) {
		if (hasControlCharacter(name)) {
			return "Query parameter names must not contain control characters";
		}
		if (values.size() > 1) {
			return "Parameter " + quoted(name) + " must be given at most once";
		}
		if (values.stream().anyMatch(QueryParameterFilter::hasControlCharacter)) {
			return "Parameter " + quoted(name) + " must not contain control characters";
		}
		return null;
	}

	private static String quoted(String name) {
		return PRINTABLE_NAME.matcher(name).matches() ? "'" + name + "'" : "(unnamed)";
	}

	private static boolean hasControlCharacter(String text) {
		return text != null && text.chars().anyMatch(Character::isISOControl);
	}

}
