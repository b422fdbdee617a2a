package com.appgain.common.api.security;

import com.appgain.common.api.error.ApiException;

/**
 * The caller of a request, read from a verified token: the blueprint's {@code g.user_id}
 * and {@code g.user_role}. Handlers receive it with
 * {@code @AuthenticationPrincipal AuthenticatedUser user}.
 */
public record AuthenticatedUser(String id, Role role, String tokenId) {

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	/** Whether this user may change a resource owned by {@code ownerId}. */
	public boolean owns(String ownerId) {
		return this.id.equals(ownerId);
	}

	public void requireRole(Role required) {
		if (this.role != required && !isAdmin()) {
			throw ApiException.forbidden("This action requires the " + required.value() + " role");
		}
	}

	/** Throws a 403 unless this user owns the resource or is an admin. */
	public void requireOwnerOrAdmin(String ownerId) {
		if (!isAdmin() && !owns(ownerId)) {
			throw ApiException.forbidden("You do not have permission to modify this resource");
		}
	}

}
