package com.appgain.deploycheck;

/**
 * One problem found in a deployment file.
 *
 * @param subject what the problem is in, e.g. {@code Deployment/users} or
 * {@code compose service users}
 * @param message what is wrong
 */
public record Finding(String subject, String message) {

	@Override
	public String toString() {
		return this.subject + ": " + this.message;
	}

}
