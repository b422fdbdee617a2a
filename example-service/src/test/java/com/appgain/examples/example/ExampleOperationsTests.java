package com.appgain.examples.example;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.Management;
import com.appgain.common.test.MongoFixture;
import com.appgain.common.test.TestTokens;
import com.appgain.examples.ExampleServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API clients see around the endpoints. */
@ExtendWith(OutputCaptureExtension.class)
class ExampleOperationsTests extends ExampleServiceIntegrationTest {

	@Autowired
	private ExampleIndexes indexes;

	@LocalManagementPort
	private int managementPort;

	private WebTestClient management() {
		return Management.client(this.managementPort);
	}

	@Test
	void theServiceIsReadyWhenMongoIsAndLiveRegardless() {
		Management.expectReadyAndLive(this.managementPort);
		management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		Envelopes.expectFailure(this.http.get().uri("/actuator/health/readiness").exchange(), 404, "not_found");
	}

	@Test
	void businessCountersAreScrapedByPrometheus() {
		String owner = newUser();
		String id = createExample(owner, "Counted").get("id").asString();
		this.http.delete()
			.uri(EXAMPLES + "/{id}", id)
			.header("Authorization", TestTokens.bearer(TestTokens.user(owner)))
			.exchange()
			.expectStatus()
			.isOk();

		String metrics = Management.scrape(this.managementPort);

		assertThat(metrics).contains("appgain_examples_operations_total{application=\"examples\",operation=\"create\"}",
				"appgain_examples_operations_total{application=\"examples\",operation=\"update\"}",
				"appgain_examples_operations_total{application=\"examples\",operation=\"delete\"}",
				"appgain_examples_archived_total", "appgain_examples_cache_unavailable_total");
		// request timers with their histograms, but no long task timer per request
		assertThat(metrics).contains("http_server_requests_seconds_bucket{")
			.doesNotContain("http_server_requests_active_seconds");
		// and Redis commands timed (common-api's RedisCommandObservations)
		assertThat(metrics).contains("lettuce_seconds_count{").doesNotContain("lettuce_active_seconds");
	}

	@Test
	void changesAreLoggedWithTheUserAndExampleAsFields(CapturedOutput output) {
		String owner = newUser();
		String id = createExample(owner, "Logged").get("id").asString();

		assertThat(output.getOut())
			.containsPattern("\"message\":\"Example created\"[^\\n]*\"example_id\":\"" + id + "\"")
			.containsPattern("\"example_id\":\"" + id + "\"[^\\n]*\"user_id\":\"" + owner + "\"");
	}

	@Test
	void theOpenApiDescriptionIsPublicUnderTheServicePath() {
		JsonNode api = this.http.get()
			.uri(EXAMPLES + "/openapi")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		JsonNode paths = api.get("paths");
		assertThat(paths.propertyNames()).contains("/api/examples", "/api/examples/{example_id}");
		assertThat(paths.get("/api/examples").propertyNames()).contains("get", "post");
		assertThat(paths.get("/api/examples/{example_id}").propertyNames()).contains("get", "put", "patch", "delete");
		assertThat(paths.get("/api/examples/{example_id}").get("delete").get("responses").propertyNames())
			.contains("200", "400", "401", "403", "404", "409");
		assertThat(paths.get("/api/examples").get("post").get("responses").propertyNames()).contains("201", "400",
				"401");
		assertThat(api.get("components").get("securitySchemes").has("bearer")).isTrue();
		assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("/");
		this.http.get().uri(EXAMPLES + "/openapi.yaml").exchange().expectStatus().isOk();
	}

	@Test
	void theOpenApiSchemasMatchTheRealResponses() {
		JsonNode schemas = this.http.get()
			.uri(EXAMPLES + "/openapi")
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("components")
			.get("schemas");
		JsonNode created = createExample(newUser(), "Documented");
		JsonNode page = this.http.get()
			.uri(EXAMPLES)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(properties(schemas.get("Example"))).containsExactlyInAnyOrderElementsOf(created.propertyNames());
		assertThat(properties(schemas.get("ExampleList"))).containsExactlyInAnyOrderElementsOf(page.propertyNames());
		assertThat(properties(schemas.get("Pagination")))
			.containsExactlyInAnyOrderElementsOf(page.get("pagination").propertyNames());
		assertThat(properties(schemas.get("ExampleCreate"))).containsExactlyInAnyOrder("name", "description", "status");
		assertThat(schemas.get("ExampleCreate").get("additionalProperties").asBoolean()).isFalse();
		assertThat(properties(schemas.get("ErrorBody"))).contains("status", "message", "error", "status_code",
				"request_id");
	}

	@Test
	void everyListOrderAndFilterHasAnIndexBehindIt() {
		List<List<String>> keys = ExampleIndexes.INDEXES.stream()
			.map((index) -> List.copyOf(index.getIndexKeys().keySet()))
			.toList();
		for (String sorted : List.of("created_at", "updated_at", "name")) {
			assertThat(keys).contains(List.of(sorted, "_id"), List.of("status", sorted, "_id"));
		}
		assertThat(keys).contains(List.of("user_id", "created_at"));
	}

	@Test
	void indexesAreCreatedInMongoDb() {
		this.indexes.ensure().block();

		List<String> names = this.mongo.indexOps(Example.class)
			.getIndexInfo()
			.map(IndexInfo::getName)
			.collectList()
			.block();

		if (MongoFixture.isContainer()) {
			assertThat(names).contains("created_at_id", "status_created_at_id", "status_name_id", "user_id_created_at");
		}
		else {
			// mongo-java-server accepts but does not build compound indexes
			assertThat(names).contains("_id_");
		}
	}

	private static Set<String> properties(JsonNode schema) {
		Set<String> names = new TreeSet<>();
		schema.get("properties").propertyNames().forEach(names::add);
		return names;
	}

}
