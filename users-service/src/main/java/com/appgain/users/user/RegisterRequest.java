package com.appgain.users.user;

/** Body of {@code POST /api/users}, checked by {@code schemas/users/register.json}. */
record RegisterRequest(String email, String password, String name) {

	/** Never print the password. */
	@Override
	public String toString() {
		return "RegisterRequest[name=" + this.name + "]";
	}

}
