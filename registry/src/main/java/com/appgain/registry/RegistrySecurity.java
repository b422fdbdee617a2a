package com.appgain.registry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Whoever can register can take a service's traffic, so every client, peer and dashboard
 * request needs HTTP basic with {@code REGISTRY_USER} / {@code REGISTRY_PASSWORD}. Status
 * overrides (an instance forced {@code OUT_OF_SERVICE}) are refused to everyone: no
 * client of this suite sends them. Health and metrics stay open on the management port.
 */
@Configuration(proxyBeanMethods = false)
class RegistrySecurity {

	private static final String STATUS_OVERRIDE = "/eureka/apps/*/*/status";

	@Bean
	SecurityFilterChain registrySecurityFilterChain(HttpSecurity http) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.PUT, STATUS_OVERRIDE)
				.denyAll()
				.requestMatchers(HttpMethod.DELETE, STATUS_OVERRIDE)
				.denyAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
						"/livez", "/readyz")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService registryClients(@Value("${REGISTRY_USER:appgain}") String user,
			@Value("${REGISTRY_PASSWORD:}") String password, PasswordEncoder encoder) {
		if (password.isBlank()) {
			throw new IllegalStateException(
					"REGISTRY_PASSWORD is not set: the registry accepts only clients that authenticate with"
							+ " REGISTRY_USER (default appgain) and REGISTRY_PASSWORD.");
		}
		return new InMemoryUserDetailsManager(User.withUsername(user).password(encoder.encode(password)).build());
	}

	// Every heartbeat is checked: a slow hash (bcrypt) would cost a core at a few hundred
	// clients, and the password is a long random secret, not a human's.
	@Bean
	PasswordEncoder registryPasswordEncoder() {
		return new Pbkdf2PasswordEncoder("", 16, 1000,
				Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
	}

}
