package com.appgain.common.api.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * An authenticated request: the verified {@link Jwt} and its {@link AuthenticatedUser}.
 */
public class UserAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

	private final AuthenticatedUser user;

	public UserAuthentication(Jwt jwt, AuthenticatedUser user) {
		super(jwt, user, jwt, List.of(new SimpleGrantedAuthority(user.role().authority())));
		this.user = user;
		setAuthenticated(true);
	}

	public AuthenticatedUser user() {
		return this.user;
	}

	@Override
	public java.util.Map<String, Object> getTokenAttributes() {
		return getToken().getClaims();
	}

}
