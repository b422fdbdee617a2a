package com.appgain.common.api.error;

import java.util.Arrays;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.appgain.common.api.ApiTestSupport;
import com.appgain.common.api.testapp.RecordingErrorReporter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorEnvelopeTests extends ApiTestSupport {

	@Autowired
	private RecordingErrorReporter reporter;

	@Test
	void unknownPathIsNotFoundEnvelope() {
		expectEnvelope(this.client.get().uri("/api/items/public/x/y/z").exchange(), 404, "not_found",
				"Resource not found");
	}

	@Test
	void domainNotFoundNamesTheResource() {
		expectEnvelope(this.client.get().uri("/api/items/public/5f1d7f3e2b8c4a0012345678").exchange(), 404, "not_found",
				"Item not found");
	}

	@Test
	void malformedIdIsBadRequest() {
		expectEnvelope(this.client.get().uri("/api/items/public/not-an-id").exchange(), 400, "bad_request",
				"Invalid item_id: expected a 24-character hex id");
	}

	@Test
	void wrongMethodIsMethodNotAllowedWithAllowHeader() {
		EntityExchangeResult<byte[]> result = expectEnvelope(this.client.delete().uri("/api/items/public").exchange(),
				405, "method_not_allowed", "Method DELETE is not allowed here");
		assertThat(result.getResponseHeaders().getAllow()).contains(HttpMethod.GET);
	}

	@Test
	void acceptExcludingJsonIsNotAcceptableButStillAnswersJson() {
		expectEnvelope(this.client.get().uri("/api/items/public").accept(MediaType.TEXT_HTML).exchange(), 406,
				"not_acceptable", "This endpoint only produces application/json");
	}

	@Test
	void nonJsonBodyIsUnsupportedMediaType() {
		expectEnvelope(this.client.post()
			.uri("/api/items/public-echo")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange(), 415, "unsupported_media_type", "Request body must be application/json");
	}

	@Test
	void malformedJsonIsBadRequest() {
		expectEnvelope(this.client.post()
			.uri("/api/items/public-echo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": ")
			.exchange(), 400, "bad_request", "Malformed JSON request body");
	}

	@Test
	void missingBodyIsBadRequest() {
		expectEnvelope(
				this.client.post().uri("/api/items/public-echo").contentType(MediaType.APPLICATION_JSON).exchange(),
				400, "bad_request", "Request body is required");
	}

	@Test
	void bodyOverTheLimitIsPayloadTooLarge() {
		String big = "{\"name\": \"" + "x".repeat(3000) + "\"}";
		expectEnvelope(this.client.post()
			.uri("/api/items/public-echo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(big)
			.exchange(), 413, "payload_too_large", "Request body is larger than 2048 bytes");
	}

	@Test
	void chunkedBodyOverTheLimitIsPayloadTooLarge() {
		byte[] chunk = ("[" + "1,".repeat(700)).getBytes();
		byte[] end = "1]".getBytes();
		var buffers = reactor.core.publisher.Flux.just(chunk, chunk, end)
			.map((bytes) -> org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(bytes));
		expectEnvelope(this.client.post()
			.uri("/api/items/public-echo")
			.contentType(MediaType.APPLICATION_JSON)
			.body(buffers, org.springframework.core.io.buffer.DataBuffer.class)
			.exchange(), 413, "payload_too_large", "Request body is too large");
	}

	@Test
	void unexpectedFailureIsServerErrorWithoutInternals() {
		EntityExchangeResult<byte[]> result = expectEnvelope(this.client.get().uri("/api/items/public/boom").exchange(),
				500, "server_error", "Internal server error");
		assertThat(new String(result.getResponseBody())).doesNotContain("hunter2")
			.doesNotContain("IllegalStateException")
			.doesNotContain("at com.");
	}

	@Test
	void theLogLineOfAServerErrorCarriesTheRequestId() {
		Logger logger = (Logger) LoggerFactory.getLogger(ApiErrorWebExceptionHandler.class);
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		logger.addAppender(lines);
		try {
			this.client.get()
				.uri("/api/items/public/boom")
				.header("X-Request-Id", "boom-1")
				.exchange()
				.expectStatus()
				.is5xxServerError();
		}
		finally {
			logger.detachAppender(lines);
		}
		assertThat(lines.list).singleElement()
			.satisfies((line) -> assertThat(line.getMDCPropertyMap()).containsEntry("request_id", "boom-1"));
	}

	@Test
	void onlyServerErrorsAreReportedBeyondTheLog() {
		this.reporter.reported().clear();
		this.client.get().uri("/api/items/public/not-an-id").exchange().expectStatus().isBadRequest();
		this.client.get().uri("/api/items/me").exchange().expectStatus().isUnauthorized();
		assertThat(this.reporter.reported()).isEmpty();
		this.client.get().uri("/api/items/public/boom").exchange().expectStatus().is5xxServerError();
		assertThat(this.reporter.reported()).singleElement()
			.satisfies((ex) -> assertThat(ex).hasMessage("database password is hunter2"));
	}

	@Test
	void everyMethodOfAnUnknownPathAnswersWithTheEnvelope() {
		Arrays.asList(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)
			.forEach((method) -> this.client.method(method)
				.uri("/api/nothing-here")
				.exchange()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("failed"));
	}

}
