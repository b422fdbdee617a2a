package com.appgain.users.token;

import java.time.Instant;

import org.bson.types.ObjectId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The flag that a session (a refresh-token family) has ended. Consuming a refresh token
 * checks it, so a token inserted by a refresh that raced the revocation is still refused.
 * Kept until every token of the family has expired, then deleted by MongoDB.
 */
@Document("revoked_sessions")
record RevokedSession(@Id String familyId, ObjectId userId, Instant revokedAt, Instant expiresAt) {

}
