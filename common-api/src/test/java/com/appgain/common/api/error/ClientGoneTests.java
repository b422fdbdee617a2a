package com.appgain.common.api.error;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.netty.channel.AbortedException;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that closes its connection mid-response is not a server failure: nothing is
 * reported, and a response already committed is left alone instead of failing again on
 * its read-only headers.
 */
class ClientGoneTests {

	private final List<Throwable> reported = new ArrayList<>();

	private final ApiErrorWebExceptionHandler handler = new ApiErrorWebExceptionHandler(
			new ErrorResponseWriter(JsonMapper.builder().build()), this.reported::add);

	@Test
	void aClientGoneAfterTheResponseWasCommittedEndsQuietly() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/examples/1"));
		StepVerifier.create(exchange.getResponse().setComplete()).verifyComplete();

		StepVerifier.create(this.handler.handle(exchange, AbortedException.beforeSend())).verifyComplete();

		assertThat(this.reported).isEmpty();
	}

	@Test
	void aServerFailureAfterTheResponseWasCommittedIsReportedAndNotWrittenOver() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/examples/1"));
		StepVerifier.create(exchange.getResponse().setComplete()).verifyComplete();
		IllegalStateException failure = new IllegalStateException("broken while streaming");

		StepVerifier.create(this.handler.handle(exchange, failure)).verifyComplete();

		assertThat(this.reported).containsExactly(failure);
	}

}
