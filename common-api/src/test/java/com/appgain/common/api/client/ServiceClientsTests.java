package com.appgain.common.api.client;

import org.junit.jupiter.api.Test;

import com.appgain.common.api.ApiTestSupport;
import com.appgain.common.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceClientsTests extends ApiTestSupport {

	private static final String USER_ID = "5f1d7f3e2b8c4a0012345678";

	@Test
	void callerTokenAndRequestIdAreRelayedThroughTheRegistry() {
		String token = TestTokens.user(USER_ID);
		this.client.get()
			.uri("/api/items/relay/echo")
			.header("Authorization", TestTokens.bearer(token))
			.header("X-Request-Id", "relay-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.callee.authorization")
			.isEqualTo("Bearer " + token)
			.jsonPath("$.callee.request_id")
			.isEqualTo("relay-1");
	}

	@Test
	void calleeErrorEnvelopeComesBackAsTheSameError() {
		expectEnvelope(relay("missing"), 404, "not_found", "User not found");
	}

	@Test
	void calleeThatIsDownIsServiceUnavailable() {
		expectEnvelope(relay("down"), 503, "service_unavailable", "The nobody service is unavailable");
	}

	@Test
	void calleeThatIsTooSlowIsGatewayTimeout() {
		expectEnvelope(relay("slow"), 504, "gateway_timeout", "The callee service did not answer in time");
	}

	@Test
	void calleeThatHangsUpBeforeAnsweringIsBadGateway() {
		expectEnvelope(relay("hangup"), 502, "bad_gateway", "The callee service failed");
	}

	@Test
	void repeatedServerErrorsOpenTheCircuitSoTheCalleeIsSpared() {
		for (int i = 0; i < 6; i++) {
			relay("broken");
		}
		int before = FakeCallee.calls();
		expectEnvelope(relay("broken"), 503, "service_unavailable", "The flaky service is unavailable");
		assertThat(FakeCallee.calls()).isEqualTo(before);
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec relay(String mode) {
		return this.client.get()
			.uri("/api/items/relay/" + mode)
			.header("Authorization", TestTokens.bearer(TestTokens.user(USER_ID)))
			.exchange();
	}

}
