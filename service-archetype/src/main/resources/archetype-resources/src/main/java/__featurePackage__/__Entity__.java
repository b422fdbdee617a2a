package ${package}.${featurePackage};

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bson.types.ObjectId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One ${entityLabel.toLowerCase()} as stored in the {@code ${listKey}} collection. {@code version} guards
 * every write against a concurrent one.
 *
 * @param id the document id, assigned on insert
 * @param name 1 to 100 characters
 * @param description up to 2000 characters, {@code null} if none
 * @param status one of {@link ${Entity}Status}
 * @param createdAt when it was created
 * @param updatedAt when it was last changed, {@code null} if never
 * @param userId the owner: the {@code sub} of the token that created it
 * @param version the optimistic-locking version, 0 on insert
 */
@Document(${Entity}.COLLECTION)
public record ${Entity}(@Id ObjectId id, String name, String description, String status,
		@Field("created_at") Instant createdAt, @Field("updated_at") Instant updatedAt, @Field("user_id") String userId,
		@Version Long version) {

	static final String COLLECTION = "${listKey}";

	static ${Entity} create(${Entity}Request request, String userId) {
		String status = (request.status() != null) ? request.status() : ${Entity}Status.ACTIVE.value();
		return new ${Entity}(null, request.name(), request.description(), status, now(), null, userId, null);
	}

	/** A copy with the fields {@code changes} carries replaced and the update time set. */
	${Entity} apply(${Entity}Request changes) {
		return new ${Entity}(this.id, valueOr(changes.name(), this.name),
				valueOr(changes.description(), this.description), valueOr(changes.status(), this.status),
				this.createdAt, now(), this.userId, this.version);
	}

	${Entity}Json forJson() {
		return new ${Entity}Json(this.id.toHexString(), this.name, this.description, this.status, this.createdAt,
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
