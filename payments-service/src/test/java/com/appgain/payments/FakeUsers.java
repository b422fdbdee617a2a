package com.appgain.payments;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * users-service as payments-service sees it: {@code GET /api/users/me} answers the
 * caller's id and an email made from it ({@code <id>@example.com}), for the bearer token
 * it was relayed; no token, 401. {@link #stop()} and {@link #start()} take it off the
 * network and back on the same port.
 */
public final class FakeUsers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// 0 until first started, then kept so that a restart comes back at the same address
	private int port;

	private final AtomicInteger calls = new AtomicInteger();

	private HttpServer server;

	private FakeUsers() {
	}

	public static FakeUsers create() {
		FakeUsers users = new FakeUsers();
		users.start();
		return users;
	}

	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		try {
			HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port),
					50);
			created.createContext("/api/users/me", this::me);
			created.setExecutor(Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "fake-users");
				thread.setDaemon(true);
				return thread;
			}));
			created.start();
			this.server = created;
			this.port = created.getAddress().getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
	}

	public synchronized String uri() {
		return "http://127.0.0.1:" + this.port;
	}

	public int calls() {
		return this.calls.get();
	}

	public static String emailOf(String userId) {
		return userId + "@example.com";
	}

	private void me(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.calls.incrementAndGet();
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (authorization == null || !authorization.startsWith("Bearer ")) {
				respond(exchange, 401, Map.of("status", "failed", "message", "Authentication required", "error",
						"unauthorized", "status_code", 401));
				return;
			}
			String userId = subject(authorization.substring("Bearer ".length()));
			respond(exchange, 200,
					Map.of("user", Map.of("id", userId, "email", emailOf(userId), "name", "Test User", "role", "user"),
							"status", "success"));
		}
	}

	private static String subject(String token) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		JsonNode claims = JSON.readTree(payload);
		return claims.path("sub").asString();
	}

	private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
