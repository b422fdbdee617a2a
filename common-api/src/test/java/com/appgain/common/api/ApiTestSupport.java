package com.appgain.common.api;

import com.appgain.common.api.client.FakeCallee;
import com.appgain.common.api.testapp.TestApplication;
import com.appgain.common.test.Envelopes;
import com.appgain.common.test.FixtureProperties;
import com.appgain.common.test.TestKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One real server on a random port, shared by every common-api test class. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class ApiTestSupport {

	@Autowired
	protected WebTestClient client;

	@Autowired
	protected ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void verifyTokensWithTheTestKey(DynamicPropertyRegistry registry) {
		registry.add("appgain.security.public-key", TestKeys::publicKeyPem);
		FixtureProperties.register(registry, "common-api");
		registry.add("spring.cloud.discovery.client.simple.instances.callee[0].uri", FakeCallee::url);
		registry.add("spring.cloud.discovery.client.simple.instances.flaky[0].uri", FakeCallee::url);
		registry.add("spring.cloud.discovery.client.simple.instances.nobody[0].uri", () -> "http://127.0.0.1:1");
	}

	protected static EntityExchangeResult<byte[]> expectEnvelope(WebTestClient.ResponseSpec response, int status,
			String error, String message) {
		return Envelopes.expectFailure(response, status, error).jsonPath("$.message").isEqualTo(message).returnResult();
	}

}
