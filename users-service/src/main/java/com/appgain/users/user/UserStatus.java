package com.appgain.users.user;

import java.util.Locale;

/** Whether an account may sign in. */
public enum UserStatus {

	ACTIVE, DISABLED;

	/** The stored and JSON value: {@code active} or {@code disabled}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static UserStatus fromValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
