package com.appgain.common.api.discovery;

/** The Eureka client is on but {@code REGISTRY_PASSWORD} is not set. */
public class MissingRegistryCredentials extends IllegalStateException {

	static final String MESSAGE = "REGISTRY_PASSWORD is not set: the registry (EUREKA_URL) accepts only clients"
			+ " that authenticate with REGISTRY_USER (default appgain) and REGISTRY_PASSWORD.";

	MissingRegistryCredentials() {
		super(MESSAGE);
	}

}
