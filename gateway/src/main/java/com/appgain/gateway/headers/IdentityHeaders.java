package com.appgain.gateway.headers;

import java.util.List;

/**
 * Recognizes the headers that claim who the caller is ({@code X-User-Id},
 * {@code X-Auth-Role}...): exact names or prefixes ending in {@code *}, case-insensitive.
 */
final class IdentityHeaders {

	private final List<String> names;

	private final List<String> prefixes;

	IdentityHeaders(List<String> patterns) {
		this.names = patterns.stream().filter((pattern) -> !pattern.endsWith("*")).toList();
		this.prefixes = patterns.stream()
			.filter((pattern) -> pattern.endsWith("*"))
			.map((pattern) -> pattern.substring(0, pattern.length() - 1))
			.toList();
	}

	boolean matches(String header) {
		for (String prefix : this.prefixes) {
			if (header.regionMatches(true, 0, prefix, 0, prefix.length())) {
				return true;
			}
		}
		for (String name : this.names) {
			if (header.equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

}
