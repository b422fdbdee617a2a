package com.appgain.common.api.response;

import com.appgain.common.api.error.ApiException;

/**
 * The {@code page} and {@code limit} query parameters of a list endpoint: page defaults
 * to 1, limit to 20 and is clamped to 100, as in the blueprint. Anything but a positive
 * integer is a 400 naming the parameter.
 */
public record PageRequest(int page, int limit) {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	public static PageRequest of(String page, String limit) {
		return new PageRequest(positive("page", page, 1), Math.min(positive("limit", limit, DEFAULT_LIMIT), MAX_LIMIT));
	}

	/** How many documents come before this page. */
	public long skip() {
		return (long) (this.page - 1) * this.limit;
	}

	private static int positive(String name, String value, int fallback) {
		if (value == null || value.isEmpty()) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed > 0) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// fall through to the 400 below
		}
		throw ApiException.badRequest("Parameter '" + name + "' must be a positive integer");
	}

}
