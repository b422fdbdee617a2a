package com.appgain.users.auth;

/**
 * Body of {@code POST /api/users/auth/refresh}, and the optional body of
 * {@code POST /api/users/auth/logout}.
 */
record RefreshRequest(String refreshToken) {

	/** Never print the token. */
	@Override
	public String toString() {
		return "RefreshRequest[]";
	}

}
