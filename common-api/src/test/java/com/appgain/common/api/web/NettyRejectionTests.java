package com.appgain.common.api.web;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.common.api.ApiTestSupport;
import com.appgain.common.api.testapp.EchoedBodies;
import com.appgain.common.api.testapp.RecordingErrorReporter;
import com.appgain.common.test.RawRequests;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests refused below WebFlux (by Reactor Netty, or by Spring's adapter for a URI it
 * cannot parse), sent as raw bytes: each answer is still the envelope, and a request
 * refused for a broken body never reaches its handler.
 */
class NettyRejectionTests extends ApiTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private EchoedBodies echoed;

	@Autowired
	private RecordingErrorReporter reporter;

	@Test
	void aRequestLineOverTheLimitIsUriTooLongWithTheEnvelope() throws IOException {
		String request = "GET /api/items/public?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
		expectEnvelope(send(request), 414, "uri_too_long");
	}

	@Test
	void headersOverTheLimitAreHeaderFieldsTooLargeWithTheEnvelope() throws IOException {
		String request = "GET /api/items/public HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10_000) + "\r\n\r\n";
		expectEnvelope(send(request), 431, "request_header_fields_too_large");
	}

	@Test
	void aMalformedRequestLineIsBadRequestWithTheEnvelope() throws IOException {
		expectEnvelope(send("GET /api/items/public NOT-HTTP\r\nHost: x\r\n\r\n"), 400, "bad_request");
	}

	@Test
	void conflictingContentLengthsAreBadRequestWithTheEnvelope() throws IOException {
		String request = "POST /api/items/public-echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 2\r\nContent-Length: 7\r\n\r\n{}";
		expectEnvelope(send(request), 400, "bad_request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "close", "keep-alive" })
	void aChunkedBodyBrokenAfterAValidChunkIsBadRequestAndNeverReachesTheHandler(String connection) throws IOException {
		String marker = "broken-" + UUID.randomUUID();
		String request = chunkedEcho(marker, connection) + "zz\r\n";
		int reported = this.reporter.reported().size();

		expectEnvelope(send(request), 400, "bad_request");
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> !this.echoed.anyContains(marker));
		assertThat(this.reporter.reported()).hasSize(reported);
	}

	@Test
	void aBrokenBodyPipelinedBehindAnUnansweredRequestIsNotAnsweredInItsPlace() throws IOException {
		String broken = "broken-" + UUID.randomUUID();
		// the first is answered after 50 ms, the broken body is read at once
		String request = "GET /api/items/public/later HTTP/1.1\r\nHost: x\r\n\r\n" + chunkedEcho(broken, "keep-alive")
				+ "zz\r\n";

		String response = send(request);
		// the connection closes; the first request's answer may get out before that
		if (!response.isEmpty()) {
			assertThat(response).startsWith("HTTP/1.1 200");
		}
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> !this.echoed.anyContains(broken));
	}

	@Test
	void aChunkedBodyBrokenAtItsFirstChunkIsBadRequest() throws IOException {
		String request = "POST /api/items/public-echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
		expectEnvelope(send(request), 400, "bad_request");
	}

	@Test
	void theSameChunkedBodyEndedWellReachesTheHandler() throws IOException {
		String marker = "whole-" + UUID.randomUUID();
		assertThat(send(chunkedEcho(marker, "close") + "0\r\n\r\n")).startsWith("HTTP/1.1 200");
		assertThat(this.echoed.anyContains(marker)).isTrue();
	}

	@Test
	void aHeaderNameWithASpaceIsBadRequestWithTheEnvelope() throws IOException {
		expectEnvelope(send("GET /api/items/public HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n"), 400, "bad_request");
	}

	@Test
	void aQueryWithABrokenPercentEscapeIsBadRequestWithTheEnvelope() throws IOException {
		expectEnvelope(send("GET /api/items/public?search=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
				"bad_request");
	}

	@Test
	void theSameRefusalOfAHeadRequestHasNoBody() throws IOException {
		String response = send("HEAD /api/items/public?search=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 400 ").endsWith("\r\n\r\n");
	}

	@Test
	void aWellFormedRequestOnTheSameKindOfConnectionIsAnsweredAsUsual() throws IOException {
		String response = send("GET /api/items/public HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 200");
	}

	/** A chunked echo request, open after one valid chunk of JSON carrying the marker. */
	private static String chunkedEcho(String marker, String connection) {
		String body = "{\"marker\":\"" + marker + "\"}";
		return "POST /api/items/public-echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: chunked\r\nConnection: " + connection + "\r\n\r\n"
				+ Integer.toHexString(body.length()) + "\r\n" + body + "\r\n";
	}

	private static void expectEnvelope(String response, int status, String error) {
		assertThat(response).startsWith("HTTP/1.1 " + status + " ");
		String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
		assertThat(head).contains("content-type: application/json").contains("x-request-id: ");
		JsonNode body = json.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
		assertThat(body.path("status").asString()).isEqualTo("failed");
		assertThat(body.path("error").asString()).isEqualTo(error);
		assertThat(body.path("status_code").asInt()).isEqualTo(status);
		assertThat(body.path("request_id").asString()).isNotBlank();
		assertThat(body.path("message").asString()).isNotBlank();
	}

	// every answer here closes the connection, the one to a request whose body broke on a
	// kept-alive connection too
	private String send(String request) throws IOException {
		return RawRequests.sendUntilClosed(this.port, request);
	}

}
