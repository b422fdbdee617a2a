package com.appgain.examples.example;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bson.types.ObjectId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * An example as stored in the {@code examples} collection (the blueprint's
 * {@code example.py}). {@code version} guards every write against a concurrent one.
 *
 * @param id the document id, assigned on insert
 * @param name 3 to 100 characters
 * @param description at least 10 characters
 * @param status one of {@link ExampleStatus}
 * @param createdAt when it was created
 * @param updatedAt when it was last changed, {@code null} if never
 * @param userId the owner: the {@code sub} of the token that created it
 * @param version the optimistic-locking version, 0 on insert
 */
@Document(Example.COLLECTION)
public record Example(@Id ObjectId id, String name, String description, String status,
		@Field("created_at") Instant createdAt, @Field("updated_at") Instant updatedAt, @Field("user_id") String userId,
		@Version Long version) {

	static final String COLLECTION = "examples";

	static Example create(ExampleRequest request, String userId) {
		String status = (request.status() != null) ? request.status() : ExampleStatus.ACTIVE.value();
		return new Example(null, request.name(), request.description(), status, now(), null, userId, null);
	}

	/**
	 * A copy with the fields {@code changes} carries replaced and the update time set.
	 */
	Example apply(ExampleRequest changes) {
		return new Example(this.id, valueOr(changes.name(), this.name),
				valueOr(changes.description(), this.description), valueOr(changes.status(), this.status),
				this.createdAt, now(), this.userId, this.version);
	}

	/** The blueprint's {@code for_json}. */
	ExampleJson forJson() {
		return new ExampleJson(this.id.toHexString(), this.name, this.description, this.status, this.createdAt,
				this.updatedAt, this.userId);
	}

	// MongoDB keeps milliseconds: what a response says is what a later read returns.
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String valueOr(String value, String current) {
		return (value != null) ? value : current;
	}

}
