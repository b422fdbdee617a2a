package com.appgain.users.user;

import java.time.Instant;

/** A user as clients see it: never the password hash. */
public record UserView(String id, String email, String name, String role, String status, Instant createdAt,
		Instant updatedAt) {

	public static UserView of(User user) {
		return new UserView(user.idString(), user.email(), user.name(), user.role(), user.status(), user.createdAt(),
				user.updatedAt());
	}

}
