package com.appgain.users.user;

import java.time.Instant;
import java.util.Locale;

import org.bson.types.ObjectId;

import com.appgain.common.api.security.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account. The email is stored normalised (trimmed, lower case) under a unique index;
 * the password only as an Argon2id hash. {@code bootstrapAdmin} marks the one account the
 * service created itself from {@code ADMIN_EMAIL}; it is set on insert and never after.
 */
@Document("users")
public record User(@Id ObjectId id, String email, String name, String passwordHash, String role, String status,
		Instant createdAt, Instant updatedAt, Boolean bootstrapAdmin) {

	static User create(String email, String name, String passwordHash, Role role, Instant now) {
		return new User(null, email, name, passwordHash, role.value(), UserStatus.ACTIVE.value(), now, now, null);
	}

	static User createBootstrapAdmin(String email, String passwordHash, Instant now) {
		return new User(null, email, "Administrator", passwordHash, Role.ADMIN.value(), UserStatus.ACTIVE.value(), now,
				now, true);
	}

	public boolean isBootstrapAdmin() {
		return Boolean.TRUE.equals(this.bootstrapAdmin);
	}

	/** The form an email is stored and looked up in. */
	public static String normaliseEmail(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	public String idString() {
		return this.id.toHexString();
	}

	public Role toRole() {
		return Role.fromValue(this.role);
	}

	public boolean isActive() {
		return UserStatus.ACTIVE.value().equals(this.status);
	}

	/** Never print the password hash. */
	@Override
	public String toString() {
		return "User[id=" + this.id + ", role=" + this.role + ", status=" + this.status + "]";
	}

}
