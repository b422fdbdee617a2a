package bench.handler;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** GET /api/examples/{id}: one findById, the JSON example-service answers. */
@SpringBootApplication
public class BareHandlerApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareHandlerApplication.class, args);
	}

	@Bean
	RouterFunction<ServerResponse> examples(ReactiveMongoTemplate mongo) {
		return RouterFunctions.route().GET("/api/examples/{id}", (request) -> {
			String id = request.pathVariable("id");
			if (!ObjectId.isValid(id)) {
				return ServerResponse.badRequest().bodyValue(Map.of("error", "invalid id", "status", "error"));
			}
			return mongo.findById(new ObjectId(id), Document.class, "examples")
				.flatMap((doc) -> ServerResponse.ok().bodyValue(new One(ExampleJson.of(doc), "success")))
				.switchIfEmpty(ServerResponse.status(HttpStatus.NOT_FOUND)
					.bodyValue(Map.of("error", "Example not found", "status", "error")));
		}).build();
	}

	record One(ExampleJson example, String status) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record ExampleJson(String id, String name, String description, String status,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt,
			@JsonProperty("user_id") String userId) {

		static ExampleJson of(Document doc) {
			return new ExampleJson(doc.getObjectId("_id").toHexString(), doc.getString("name"),
					doc.getString("description"), doc.getString("status"), instant(doc.getDate("created_at")),
					instant(doc.getDate("updated_at")), doc.getString("user_id"));
		}

		private static Instant instant(Date date) {
			return (date != null) ? date.toInstant() : null;
		}

	}

}
