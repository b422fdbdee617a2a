package com.appgain.common.api.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Parses {@code "POST /api/users"} or {@code "/api/examples/**"} entries into matchers.
 */
public final class PublicPaths {

	private PublicPaths() {
	}

	public static ServerWebExchangeMatcher matcher(List<String> entries) {
		List<ServerWebExchangeMatcher> matchers = entries.stream().map(PublicPaths::parse).toList();
		return matchers.isEmpty() ? (exchange) -> ServerWebExchangeMatcher.MatchResult.notMatch()
				: new OrServerWebExchangeMatcher(matchers);
	}

	private static ServerWebExchangeMatcher parse(String entry) {
		String[] parts = entry.trim().split("\\s+", 2);
		if (parts.length == 2) {
			return new PathPatternParserServerWebExchangeMatcher(parts[1], HttpMethod.valueOf(parts[0]));
		}
		return new PathPatternParserServerWebExchangeMatcher(parts[0]);
	}

}
