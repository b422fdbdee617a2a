package com.appgain.users.user;

/**
 * Body of {@code PUT /api/users/me}, checked by {@code schemas/users/update-me.json}: a
 * new password needs the current one.
 */
record UpdateProfileRequest(String name, String password, String currentPassword) {

	/** Never print the passwords. */
	@Override
	public String toString() {
		return "UpdateProfileRequest[name=" + this.name + "]";
	}

}
