package com.appgain.common.api.discovery;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up without registry credentials ends in one message, not a stack trace. */
class MissingRegistryCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<MissingRegistryCredentials> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingRegistryCredentials cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set REGISTRY_PASSWORD (and REGISTRY_USER if not appgain) to the registry's credentials,"
						+ " or turn the registry client off with eureka.client.enabled=false.",
				cause);
	}

}
