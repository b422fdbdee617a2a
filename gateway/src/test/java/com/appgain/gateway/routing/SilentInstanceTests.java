package com.appgain.gateway.routing;

import org.junit.jupiter.api.Test;

import com.appgain.gateway.GatewayTestSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quiet} has two instances, one of them silent (it takes connections and never
 * answers): once a request to it went unanswered, the load balancer leaves it out, and
 * requests of every method reach the live instance at once, well before a registry would
 * evict it.
 */
class SilentInstanceTests extends GatewayTestSupport {

	@Test
	void anInstanceThatDidNotAnswerIsLeftOutForEveryMethod() {
		int unanswered = 0;
		for (int i = 0; i < 4 && unanswered == 0; i++) {
			if (status(HttpMethod.GET) == 504) {
				unanswered++;
			}
		}
		assertThat(unanswered).as("round robin reached the silent instance").isOne();
		for (int i = 0; i < 6; i++) {
			assertThat(status(HttpMethod.POST)).as("POST " + i).isEqualTo(200);
			assertThat(status(HttpMethod.GET)).as("GET " + i).isEqualTo(200);
		}
	}

	private int status(HttpMethod method) {
		WebTestClient.RequestBodySpec request = this.client.method(method)
			.uri("/api/quiet/things")
			.header(HttpHeaders.AUTHORIZATION, bearerOfNewUser());
		return ((method == HttpMethod.POST) ? request.bodyValue("{}") : request).exchange()
			.returnResult(byte[].class)
			.getStatus()
			.value();
	}

}
