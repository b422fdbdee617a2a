package com.appgain.examples.example;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An example as clients see it (the blueprint's {@code for_json}): every field always
 * present, times as ISO-8601 UTC, {@code null} when unset.
 *
 * @param id 24-hex id
 * @param name the name
 * @param description the description
 * @param status {@code active}, {@code inactive} or {@code archived}
 * @param createdAt creation time
 * @param updatedAt last change, {@code null} if never changed
 * @param userId the owner's user id
 */
@Schema(name = "Example")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExampleJson(String id, String name, String description, @Schema(allowableValues = {
		"active", "inactive", "archived" }) String status, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("updated_at") @Schema(nullable = true) Instant updatedAt, @JsonProperty("user_id") String userId){

}
