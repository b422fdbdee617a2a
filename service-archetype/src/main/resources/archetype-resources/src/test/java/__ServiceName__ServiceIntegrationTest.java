package ${package};

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import com.appgain.common.test.FixtureProperties;
import com.appgain.common.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one application context every integration test shares: the whole service on a
 * random port, on the MongoDB and Redis fixtures of common-test, verifying tokens with
 * {@code TestKeys}, Eureka and the scheduler off. Each test starts from an empty
 * collection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "appgain.${serviceName}.archive.cron=-" })
// a shared 2-core machine can take more than the default 5 s to answer the first calls
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class ${ServiceName}ServiceIntegrationTest {

	protected static final String API = "/api/${serviceName}";

	protected static final String COLLECTION = "${listKey}";

	@Autowired
	protected WebTestClient http;

	@Autowired
	protected ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void fixtures(DynamicPropertyRegistry registry) {
		FixtureProperties.register(registry, "${serviceName}");
		FixtureProperties.registerTestKey(registry);
	}

	@BeforeEach
	void startFromNothing() {
		this.mongo.remove(new Query(), COLLECTION).block();
		this.mongo.remove(new Query(), "locks").block();
	}

	/** Creates one as {@code userId} and returns its JSON form. */
	protected JsonNode create(String userId, String name, String description) {
		WebTestClient.ResponseSpec created = this.http.post()
			.uri(API)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.user(userId)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name, "description", description))
			.exchange()
			.expectStatus()
			.isCreated();
		return json(created).get("${entity}");
	}

	/** GETs this URI template, expecting 200, and returns the JSON body. */
	protected JsonNode getJson(String uri, Object... values) {
		return json(this.http.get().uri(uri, values).exchange().expectStatus().isOk());
	}

	/** The JSON body of a response whose status has been checked. */
	protected static JsonNode json(WebTestClient.ResponseSpec response) {
		return response.expectBody(JsonNode.class).returnResult().getResponseBody();
	}

}
