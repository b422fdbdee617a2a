package com.appgain.users.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling, and whom to believe about a client's address.
 *
 * @param maxFailuresPerAccount failed logins for one email within the window before
 * further attempts are refused (429)
 * @param maxFailuresPerIp failed logins from one client address within the window before
 * further attempts are refused
 * @param failureWindow how long failures are remembered, counted from the first one
 * @param trustedProxies addresses or CIDR ranges (the gateway) whose
 * {@code X-Forwarded-For} is believed
 */
@ConfigurationProperties("appgain.users.auth")
public record AuthProperties(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerIp,
		@DefaultValue("15m") Duration failureWindow, @DefaultValue List<String> trustedProxies) {

}
