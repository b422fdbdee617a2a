package com.appgain.examples.example;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.appgain.examples.ExampleServiceIntegrationTest;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "appgain.examples.cache-enabled=false")
class ExampleCacheDisabledTests extends ExampleServiceIntegrationTest {

	@Test
	void readsGoToMongoDbAndLeaveNothingInRedis() {
		String id = createExample(newUser(), "Not cached").get("id").asString();
		this.http.get().uri(EXAMPLES + "/{id}", id).exchange().expectStatus().isOk();
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(id))),
					Update.update("name", "Changed in MongoDB"), Example.class)
			.block();

		this.http.get()
			.uri(EXAMPLES + "/{id}", id)
			.exchange()
			.expectBody()
			.jsonPath("$.example.name")
			.isEqualTo("Changed in MongoDB");
		assertThat(this.redis.hasKey("examples:example:" + id).block()).isFalse();
	}

}
