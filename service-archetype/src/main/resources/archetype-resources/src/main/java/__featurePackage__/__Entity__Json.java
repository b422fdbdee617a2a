package ${package}.${featurePackage};

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One ${entityLabel.toLowerCase()} as clients see it: every field always present, times as ISO-8601
 * UTC, {@code null} when unset.
 *
 * @param id 24-hex id
 * @param name the name
 * @param description the description, {@code null} if none
 * @param status {@code active}, {@code inactive} or {@code archived}
 * @param createdAt creation time
 * @param updatedAt last change, {@code null} if never changed
 * @param userId the owner's user id
 */
@Schema(name = "${Entity}")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ${Entity}Json(String id, String name, String description,
		@Schema(allowableValues = { "active", "inactive", "archived" }) String status,
		@JsonProperty("created_at") Instant createdAt,
		@JsonProperty("updated_at") @Schema(nullable = true) Instant updatedAt,
		@JsonProperty("user_id") String userId) {

}
