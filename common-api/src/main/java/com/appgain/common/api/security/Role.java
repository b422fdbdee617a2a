package com.appgain.common.api.security;

import java.util.Locale;

import com.appgain.common.api.error.ApiException;

/** The roles a token can carry in its {@code role} claim. */
public enum Role {

	USER, ADMIN;

	/** The claim value: {@code user} or {@code admin}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public static Role fromValue(String value) {
		for (Role role : values()) {
			if (role.value().equals(value)) {
				return role;
			}
		}
		throw ApiException.badRequest("Unknown role '" + value + "'");
	}

}
