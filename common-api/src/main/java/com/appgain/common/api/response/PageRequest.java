package com.appgain.common.api.response;

import com.appgain.common.api.error.ApiException;

/**
 * The {@code page} and {@code limit} query parameters of a list endpoint: page defaults
 * to 1, limit to 20 and is clamped to 100, as in the blueprint. Anything but a positive
 * integer is a 400 naming the parameter, and so is a page whose offset does not fit the
 * {@code int} skip of the MongoDB driver (which would otherwise wrap around to another
 * page).
 */
public record PageRequest(int page, int limit) {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	/** The largest number of documents a page may skip. */
	public static final long MAX_SKIP = Integer.MAX_VALUE;

	public static PageRequest of(String page, String limit) {
		PageRequest request = new PageRequest(positive("page", page, 1),
				Math.min(positive("limit", limit, DEFAULT_LIMIT), MAX_LIMIT));
		if (request.skip() > MAX_SKIP) {
			throw ApiException.badRequest("Parameter 'page' must be at most " + request.lastPossiblePage()
					+ " with a limit of " + request.limit());
		}
		return request;
	}

	/** How many documents come before this page. */
	public long skip() {
		return (long) (this.page - 1) * this.limit;
	}

	private long lastPossiblePage() {
		return MAX_SKIP / this.limit + 1;
	}

	private static int positive(String name, String value, int fallback) {
		if (value == null || value.isEmpty()) {
			return fallback;
		}
		String digits = value.trim();
		// ASCII digits only: Integer.parseInt also reads other scripts' digits
		if (!digits.isEmpty() && digits.length() <= 10 && digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			long parsed = Long.parseLong(digits);
			if (parsed > 0 && parsed <= Integer.MAX_VALUE) {
				return (int) parsed;
			}
		}
		throw ApiException.badRequest("Parameter '" + name + "' must be a positive integer");
	}

}
