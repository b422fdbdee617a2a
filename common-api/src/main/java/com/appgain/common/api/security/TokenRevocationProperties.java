package com.appgain.common.api.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token revocation ({@code appgain.security}, beside {@link ApiSecurityProperties}).
 *
 * @param userRevocationTtl how long a revocation of all of a user's tokens is kept: at
 * least the lifetime of an access token
 * @param revocationCopy the local copy of the denylist
 */
@ConfigurationProperties("appgain.security")
public record TokenRevocationProperties(@DefaultValue("1d") Duration userRevocationTtl,
		@DefaultValue Copy revocationCopy) {

	/**
	 * A copy of the denylist in memory, kept current over Redis pub/sub, that answers
	 * checks without a Redis call.
	 *
	 * @param enabled whether checks are answered from the copy instead of one Redis call
	 * each
	 * @param resyncInterval how often the copy is read again in full, in case a message
	 * was missed
	 */
	public record Copy(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration resyncInterval) {

	}

}
