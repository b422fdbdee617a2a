package com.appgain.users.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at start-up when absent.
 *
 * @param email its email ({@code ADMIN_EMAIL})
 * @param password its initial password ({@code ADMIN_PASSWORD}), used only to create it
 */
@ConfigurationProperties("appgain.users.admin")
public record AdminProperties(String email, String password) {

	boolean isConfigured() {
		return this.email != null && !this.email.isBlank() && this.password != null && !this.password.isBlank();
	}

}
