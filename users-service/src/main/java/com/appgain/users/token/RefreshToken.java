package com.appgain.users.token;

import java.time.Instant;

import org.bson.types.ObjectId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored refresh token: only the SHA-256 of its value is kept. Tokens rotated from one
 * login share a {@code familyId}, the session; MongoDB deletes a token once it expires.
 */
@Document("refresh_tokens")
public record RefreshToken(@Id ObjectId id, String hash, ObjectId userId, String familyId, boolean used,
		boolean revoked, Instant createdAt, Instant expiresAt, Instant usedAt) {

	static RefreshToken create(String hash, ObjectId userId, String familyId, Instant now, Instant expiresAt) {
		return new RefreshToken(null, hash, userId, familyId, false, false, now, expiresAt, null);
	}

}
