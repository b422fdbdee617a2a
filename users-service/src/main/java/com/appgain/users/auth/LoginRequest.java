package com.appgain.users.auth;

/** Body of {@code POST /api/users/auth/login}. */
record LoginRequest(String email, String password) {

	/** Never print the password. */
	@Override
	public String toString() {
		return "LoginRequest[]";
	}

}
