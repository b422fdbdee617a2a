package com.appgain.examples.example;

import com.appgain.common.api.error.ApiException;

/** The {@code If-Match} header of a change, read as the example version it expects. */
final class IfMatch {

	private IfMatch() {
	}

	/**
	 * The version an {@code If-Match} header asks for: {@code "3"}; none or {@code *}:
	 * any.
	 */
	static Long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Long.valueOf(tag);
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("Header 'If-Match' must be an ETag of this API, like \"3\"");
		}
	}

}
