package com.appgain.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service behind the gateway, in process on a random port. It answers every path with
 * what it received ({@code method}, {@code path}, {@code headers}) and counts the calls
 * per {@code X-Request-Id}. {@code /api/slow/**} answers after two seconds,
 * {@code /api/flaky/**} with a 503, {@code /api/broken/**} with a 500.
 */
public final class FakeUpstream {

	static final Duration SLOW = Duration.ofSeconds(2);

	private static final List<ServerSocket> SILENT = new CopyOnWriteArrayList<>();

	private static final JsonMapper json = new JsonMapper();

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private final DisposableServer server;

	private FakeUpstream() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::answer).bindNow();
	}

	public static FakeUpstream start() {
		return new FakeUpstream();
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** An address where nothing listens: a service that is down. */
	public static String deadUri() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An address that takes connections (the kernel completes them) and never answers: a
	 * service whose host went silent. Open until the JVM exits.
	 */
	public static String silentUri() {
		try {
			ServerSocket socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
			SILENT.add(socket);
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How often a request with this id reached the service. */
	public int calls(String requestId) {
		AtomicInteger count = this.calls.get(requestId);
		return (count != null) ? count.get() : 0;
	}

	/** Whether a body the service read to its end contained {@code text}. */
	public boolean receivedBodyWith(String text) {
		return this.bodies.stream().anyMatch((body) -> body.contains(text));
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		String requestId = request.requestHeaders().get("X-Request-Id", "none");
		this.calls.computeIfAbsent(requestId, (id) -> new AtomicInteger()).incrementAndGet();
		if (request.path().startsWith("api/flaky")) {
			return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).send();
		}
		if (request.path().startsWith("api/broken")) {
			return response.status(HttpResponseStatus.INTERNAL_SERVER_ERROR).send();
		}
		Mono<Void> echo = request.receive()
			.aggregate()
			.asString()
			.defaultIfEmpty("")
			.doOnNext(this.bodies::add)
			.flatMap((body) -> response.header("Content-Type", "application/json")
				.header("X-Request-Id", requestId)
				.sendString(Mono.just(echo(request, body)))
				.then());
		return request.path().startsWith("api/slow") ? Mono.delay(SLOW).then(echo) : echo;
	}

	private static String echo(HttpServerRequest request, String body) {
		Map<String, Object> headers = new LinkedHashMap<>();
		request.requestHeaders().forEach((header) -> headers.put(header.getKey().toLowerCase(), header.getValue()));
		Map<String, Object> echo = new LinkedHashMap<>();
		echo.put("method", request.method().name());
		echo.put("uri", request.uri());
		echo.put("headers", headers);
		echo.put("body", body);
		return json.writeValueAsString(echo);
	}

}
