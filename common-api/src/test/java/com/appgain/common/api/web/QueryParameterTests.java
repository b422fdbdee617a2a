package com.appgain.common.api.web;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.appgain.common.api.ApiTestSupport;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

class QueryParameterTests extends ApiTestSupport {

	@LocalServerPort
	private int port;

	@Test
	void aRepeatedParameterIsRefusedInsteadOfJoined() {
		expectEnvelope(get("/api/items/public?page=1&page=2"), 400, "bad_request",
				"Parameter 'page' must be given at most once");
	}

	@Test
	void aRepeatedParameterThatNoHandlerReadsIsRefusedToo() {
		expectEnvelope(get("/api/items/public?x=1&x=1"), 400, "bad_request",
				"Parameter 'x' must be given at most once");
	}

	@Test
	void aNulInAValueIsRefused() {
		expectEnvelope(get("/api/items/public?search=a%00b"), 400, "bad_request",
				"Parameter 'search' must not contain control characters");
	}

	@Test
	void everyControlCharacterInAValueIsRefused() {
		for (String control : new String[] { "%01", "%0A", "%0D", "%1F", "%7F", "%C2%85", "%C2%9F" }) {
			expectEnvelope(get("/api/items/public?limit=1" + control), 400, "bad_request",
					"Parameter 'limit' must not contain control characters");
		}
	}

	@Test
	void aControlCharacterInANameIsRefusedWithoutEchoingIt() {
		expectEnvelope(get("/api/items/public?na%00me=1"), 400, "bad_request",
				"Query parameter names must not contain control characters");
	}

	@Test
	void aPageWhoseOffsetOverflowsTheDriversSkipIsRefused() {
		expectEnvelope(get("/api/items/public?page=21474838&limit=100"), 400, "bad_request",
				"Parameter 'page' must be at most 21474837 with a limit of 100");
	}

	@Test
	void printableUnicodeAndSingleParametersPass() {
		get("/api/items/public?page=1&limit=5&search=caf%C3%A9%20%E2%98%95").expectStatus().isOk();
	}

	// a URI as is: the client's template encoding would turn each % into %25
	private WebTestClient.ResponseSpec get(String pathAndQuery) {
		return this.client.get().uri(URI.create("http://127.0.0.1:" + this.port + pathAndQuery)).exchange();
	}

}
