package com.appgain.common.api.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Another service, as a bare HTTP server on a random port: it echoes the headers it got,
 * answers with an error envelope, answers too late, or hangs up without an answer.
 */
public final class FakeCallee {

	private static final AtomicInteger calls = new AtomicInteger();

	private static DisposableServer server;

	private FakeCallee() {
	}

	public static synchronized String url() {
		if (server == null) {
			server = HttpServer.create()
				.host("127.0.0.1")
				.port(0)
				.route((routes) -> routes.get("/echo", (request, response) -> {
					calls.incrementAndGet();
					String body = "{\"authorization\": \"" + request.requestHeaders().get("Authorization", "")
							+ "\", \"request_id\": \"" + request.requestHeaders().get("X-Request-Id", "") + "\"}";
					return response.header("Content-Type", "application/json").sendString(Mono.just(body));
				}).get("/missing", (request, response) -> {
					calls.incrementAndGet();
					return response.status(404)
						.header("Content-Type", "application/json")
						.sendString(Mono.just("{\"status\": \"failed\", \"message\": \"User not found\", "
								+ "\"error\": \"not_found\", \"status_code\": 404}"));
				}).get("/broken", (request, response) -> {
					calls.incrementAndGet();
					return response.status(500).sendString(Mono.just("oops"));
				}).get("/slow", (request, response) -> {
					calls.incrementAndGet();
					return response.sendString(Mono.just("{}").delayElement(Duration.ofSeconds(3)));
				}).get("/hangup", (request, response) -> {
					calls.incrementAndGet();
					response.withConnection(Connection::dispose);
					return Mono.empty();
				}))
				.bindNow();
		}
		return "http://127.0.0.1:" + server.port();
	}

	public static int calls() {
		return calls.get();
	}

}
