package com.appgain.examples;

import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import com.appgain.common.test.FixtureProperties;
import com.appgain.common.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one application context every integration test shares: the whole service on a
 * random port, on the MongoDB and Redis fixtures of common-test, verifying tokens with
 * {@code TestKeys}, Eureka and the scheduler off. Each test starts from an empty
 * {@code examples} collection and an empty Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "appgain.examples.archive.cron=-" })
@AutoConfigureWebTestClient
public abstract class ExampleServiceIntegrationTest {

	protected static final String EXAMPLES = "/api/examples";

	@Autowired
	protected WebTestClient http;

	@Autowired
	protected ReactiveMongoTemplate mongo;

	@Autowired
	protected ReactiveStringRedisTemplate redis;

	@DynamicPropertySource
	static void fixtures(DynamicPropertyRegistry registry) {
		FixtureProperties.register(registry, "examples");
		FixtureProperties.registerTestKey(registry);
	}

	@BeforeEach
	void startFromNothing() {
		this.mongo.remove(new Query(), "examples").block();
		this.mongo.remove(new Query(), "locks").block();
		this.redis.execute((connection) -> connection.serverCommands().flushDb()).blockLast();
	}

	protected static String newUser() {
		return TestTokens.newUserId();
	}

	/** Creates an example as {@code userId} and returns its JSON form. */
	protected JsonNode createExample(String userId, String name, String description, String status) {
		Map<String, String> body = (status != null) ? Map.of("name", name, "description", description, "status", status)
				: Map.of("name", name, "description", description);
		return this.http.post()
			.uri(EXAMPLES)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.user(userId)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("example");
	}

	protected JsonNode createExample(String userId, String name) {
		return createExample(userId, name, "A description of " + name, null);
	}

	/** PATCHes a new name as the owner, expecting success. */
	protected void rename(String owner, String id, String name) {
		this.http.patch()
			.uri(EXAMPLES + "/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.user(owner)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** Renames the stored example behind the service's back, past any cache. */
	protected void renameInMongoDb(String id, String name) {
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(id))), Update.update("name", name),
					"examples")
			.block();
	}

	/** Reads the example and expects this name. */
	protected void expectName(String id, String name) {
		this.http.get()
			.uri(EXAMPLES + "/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.example.name")
			.isEqualTo(name);
	}

}
