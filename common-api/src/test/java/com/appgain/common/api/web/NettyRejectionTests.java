package com.appgain.common.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.common.api.ApiTestSupport;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused below WebFlux (by Reactor Netty, or by Spring's adapter for a URI it
 * cannot parse), sent as raw bytes: each answer is still the envelope.
 */
class NettyRejectionTests extends ApiTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

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

	/** Sends raw bytes and reads until the server closes (every answer here closes). */
	private String send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
