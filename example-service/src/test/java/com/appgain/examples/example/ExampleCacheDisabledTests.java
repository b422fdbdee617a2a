package com.appgain.examples.example;

import org.junit.jupiter.api.Test;

import com.appgain.examples.ExampleServiceIntegrationTest;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "appgain.examples.cache-enabled=false")
class ExampleCacheDisabledTests extends ExampleServiceIntegrationTest {

	@Test
	void readsGoToMongoDbAndLeaveNothingInRedis() {
		String id = createExample(newUser(), "Not cached").get("id").asString();
		this.http.get().uri(EXAMPLES + "/{id}", id).exchange().expectStatus().isOk();
		renameInMongoDb(id, "Changed in MongoDB");

		expectName(id, "Changed in MongoDB");
		assertThat(this.redis.hasKey("examples:example:" + id).block()).isFalse();
	}

}
