package com.appgain.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import com.appgain.common.test.TestTokens;

/**
 * A seeded generator of hostile requests against every endpoint of the suite, each with
 * what an answer must satisfy beyond "no 5xx, every 4xx the envelope". Every body carries
 * a unique marker, so a stored document can be traced back to the request that made it.
 */
final class HostileRequests {

	/** Any status but a 5xx. */
	static final Set<Integer> ANY = Set.of();

	/** What the generator needs to know about the seeded data. */
	record Subjects(String attackerToken, String attackerId, String attackerExampleId, String victimId,
			List<String> victimExampleIds, String victimPaymentId, String markerPrefix) {
	}

	/**
	 * One request: {@code raw} is sent byte for byte; {@code allowed} lists the statuses
	 * it may get (empty: any but a 5xx); {@code marker} is in its body.
	 */
	record Probe(String kind, String description, byte[] raw, Set<Integer> allowed, String marker) {
	}

	private record Endpoint(String method, String path, boolean auth, Supplier<Map<String, Object>> body) {
	}

	private static final String[] MALFORMED_IDS = { "x", "123", "65a1f0c2b3d4e5f60718293", "65a1f0c2b3d4e5f6071829300",
			"zza1f0c2b3d4e5f607182930", "%2e%2e", "..%2f..%2fetc", "%24ne", "null", "-1", "%00", "%C3%A9%C3%A9",
			"65a1f0c2b3d4e5f60718293%00", "{id}", "%7B%22%24gt%22%3A%22%22%7D", "0x65a1f0c2b3d4e5f6071829" };

	private static final String[] ODD_VALUES = { "%00", "a%00b", "%01", "%0A", "%0D%0AX-Injected:%201", "%1B[31m",
			"%7F", "%C2%85", "%C2%9F", "%E2%80%AE", "%EF%BB%BF", "%F0%9F%98%80", "%zz", "%", "%C0%AF", "%ED%A0%80",
			"21474838", "2147483647", "2147483648", "-2147483648", "99999999999999999999999", "1e10", "NaN", "Infinity",
			"-0", "0x10", "%EF%BC%91", "%D9%A3", "", "+", "%2B1", "%24ne", "%7B%22%24ne%22%3Anull%7D", ".*",
			"(a%2B)%2B%24", "%5C", "%22", "'", "active%20", "ACTIVE", "-created_at", "created_at,name", "%24natural" };

	private static final String[] PARAMETERS = { "page", "limit", "search", "status", "sort", "user_id", "q",
			"status[$ne]", "search[]", "page[]", "%24where", "_id" };

	private static final String[] CONTENT_TYPES = { "text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
			"application/json; charset=bogus", "garbage", "application/json, text/plain", "application/json;;;", "*/*",
			"application/*", "application/merge-patch+json", "application/vnd.api+json", "" };

	private static final String[] ACCEPTS = { "text/html", "application/xml", "image/png", "garbage", "a/b/c",
			"application/json;q=0", "*/*;q=0", "text/*", "", "application/problem+json", "application/json;q=abc" };

	private static final String[] ODD_METHODS = { "TRACE", "PROPFIND", "FOO", "OPTIONS", "HEAD", "PATCH", "PUT",
			"DELETE", "CONNECT", "M-SEARCH", "get" };

	private static final String[] SPOOFED = { "X-User-Id", "X-User-Role", "X-User-Email", "X-Authenticated-User",
			"X-Auth-User", "X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Client-Address", "X-Forwarded-Host",
			"X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Original-URL", "X-Rewrite-URL", "X-Http-Method-Override",
			"X-Request-Id" };

	private final Random random;

	private final Subjects subjects;

	private final List<Endpoint> endpoints;

	private final List<Endpoint> idEndpoints;

	private int sequence;

	HostileRequests(long seed, Subjects subjects) {
		this.random = new Random(seed);
		this.subjects = subjects;
		this.endpoints = List.of(new Endpoint("POST", "/api/examples", true, this::exampleBody),
				new Endpoint("PUT", "/api/examples/" + subjects.attackerExampleId(), true, this::exampleBody),
				new Endpoint("PATCH", "/api/examples/" + subjects.attackerExampleId(), true, this::examplePatch),
				new Endpoint("POST", "/api/users", false, this::registerBody),
				new Endpoint("POST", "/api/users/auth/login", false, this::loginBody),
				new Endpoint("POST", "/api/users/auth/refresh", false, () -> map("refresh_token", marker())),
				new Endpoint("PUT", "/api/users/me", true, () -> map("name", marker())),
				new Endpoint("POST", "/api/payments", true, this::paymentBody),
				new Endpoint("POST", "/api/payments/webhooks/stripe", false, this::stripeEvent));
		this.idEndpoints = List.of(new Endpoint("GET", "/api/examples/{id}", false, null),
				new Endpoint("PUT", "/api/examples/{id}", true, this::exampleBody),
				new Endpoint("PATCH", "/api/examples/{id}", true, this::examplePatch),
				new Endpoint("DELETE", "/api/examples/{id}", true, null),
				new Endpoint("GET", "/api/payments/{id}", true, null),
				new Endpoint("POST", "/api/payments/{id}/refund", true, () -> map("amount", 100)),
				new Endpoint("GET", "/api/users/{id}", true, null),
				new Endpoint("PUT", "/api/users/{id}/role", true, () -> map("role", "admin")),
				new Endpoint("PUT", "/api/users/{id}/status", true, () -> map("status", "disabled")));
	}

	/** The next probe; kinds come round in turn so that every kind is well covered. */
	Probe next() {
		int kind = this.sequence++ % 19;
		return switch (kind) {
			case 0 -> malformedJson();
			case 1 -> wrongTypes();
			case 2 -> hugeStrings();
			case 3 -> deepNesting();
			case 4 -> (this.random.nextInt(4) == 0) ? overLimit() : operatorKeys();
			case 5 -> unknownFields();
			case 6 -> duplicatedKeys();
			case 7 -> malformedId();
			case 8 -> foreignId();
			case 9 -> absentId();
			case 10, 11 -> oddQuery();
			case 12 -> oddContentType();
			case 13 -> oddAccept();
			case 14 -> oddMethod();
			case 15 -> brokenToken();
			case 16 -> spoofedHeaders();
			case 17 -> (this.random.nextInt(3) == 0) ? rawFraming() : crossUser("cross-user access");
			default -> control();
		};
	}

	// ---- bodies

	private Probe malformedJson() {
		Endpoint endpoint = pick(this.endpoints);
		String marker = marker();
		String json = Json.write(endpoint.body().get()).replace("}", ", \"m\": \"" + marker + "\"}");
		String body = switch (this.random.nextInt(8)) {
			case 0 -> json.substring(0, 1 + this.random.nextInt(json.length() - 1));
			case 1 -> json.replace("\"", "'");
			case 2 -> json.replace("}", ",}");
			case 3 -> "{" + marker + "}";
			case 4 -> json.replace(":", ": NaN, \"x\":");
			case 5 -> "/* " + marker + " */ " + json;
			case 6 -> json + json;
			default -> "\uFEFF" + json.replace("\"", "\\");
		};
		return body("malformed JSON", endpoint, body.getBytes(StandardCharsets.UTF_8), marker, Set.of(400, 401, 403));
	}

	private Probe wrongTypes() {
		Endpoint endpoint = pick(this.endpoints);
		Map<String, Object> body = endpoint.body().get();
		String field = pick(new ArrayList<>(body.keySet()));
		Object[] odd = { 42, -1, 1.5e308, true, null, List.of(), List.of(marker()), Map.of("v", marker()),
				new Json.Raw("123456789012345678901234567890"), new Json.Raw("1e400"), new Json.Raw("-0") };
		body.put(field, odd[this.random.nextInt(odd.length)]);
		return json("wrong types", endpoint, body, ANY);
	}

	private Probe hugeStrings() {
		Endpoint endpoint = pick(this.endpoints);
		Map<String, Object> body = endpoint.body().get();
		String field = pick(new ArrayList<>(body.keySet()));
		String unit = pick(List.of("x", "é", "😀", "\\u0000", " ", "a@", "."));
		int length = pick(List.of(2_001, 20_000, 150_000));
		String marker = marker();
		body.put(field, new Json.Raw("\"" + marker + unit.repeat(length) + "\""));
		return json("huge strings", endpoint, body, marker, ANY);
	}

	private Probe deepNesting() {
		Endpoint endpoint = pick(this.endpoints);
		Map<String, Object> body = endpoint.body().get();
		int depth = pick(List.of(600, 5_000, 50_000));
		boolean arrays = this.random.nextBoolean();
		String open = arrays ? "[" : "{\"a\":";
		String close = arrays ? "]" : "}";
		body.put(pick(new ArrayList<>(body.keySet())),
				new Json.Raw(open.repeat(depth) + "\"" + marker() + "\"" + close.repeat(depth)));
		return json("deep nesting", endpoint, body, Set.of(400, 401, 403, 413));
	}

	private Probe overLimit() {
		Endpoint endpoint = pick(this.endpoints);
		Map<String, Object> body = endpoint.body().get();
		String marker = marker();
		body.put(pick(new ArrayList<>(body.keySet())), marker + "y".repeat(1_100_000));
		return json("body over the limit", endpoint, body, marker, Set.of(401, 413));
	}

	private Probe operatorKeys() {
		Endpoint endpoint = pick(this.endpoints);
		Map<String, Object> body = endpoint.body().get();
		String marker = marker();
		switch (this.random.nextInt(6)) {
			case 0 -> body.put("$set", Map.of("user_id", this.subjects.victimId(), "role", "admin"));
			case 1 -> body.put("$where", "sleep(5000) || '" + marker + "'");
			case 2 -> body.put("name.first", marker);
			case 3 -> body.put(pick(new ArrayList<>(body.keySet())), Map.of("$ne", marker));
			case 4 -> body.put("$" + marker, 1);
			default -> body.put("a\u0000b", marker);
		}
		return json("$-prefixed and dotted keys", endpoint, body, marker, Set.of(400, 401, 403));
	}

	private Probe unknownFields() {
		Endpoint endpoint = pick(this.endpoints);
		Map<String, Object> body = endpoint.body().get();
		Object[][] extras = { { "role", "admin" }, { "user_id", this.subjects.victimId() },
				{ "_id", this.subjects.victimExampleIds().get(0) }, { "version", 99 }, { "status", "archived" },
				{ "id", this.subjects.victimId() }, { "__proto__", Map.of("admin", true) }, { "created_at", "2000" },
				{ "extra", marker() } };
		Object[] extra = extras[this.random.nextInt(extras.length)];
		body.put((String) extra[0], extra[1]);
		// "status" is a known field of some bodies: then only the value is odd
		return json("unknown fields", endpoint, body, ANY);
	}

	private Probe duplicatedKeys() {
		Endpoint endpoint = pick(this.endpoints);
		Map<String, Object> body = endpoint.body().get();
		String field = pick(new ArrayList<>(body.keySet()));
		String json = Json.write(body);
		String marker = marker();
		String duplicated = json.replaceFirst("\\{", "{\"" + field + "\": \"" + marker + "\", ");
		return body("duplicated keys", endpoint, duplicated.getBytes(StandardCharsets.UTF_8), marker, ANY);
	}

	// ---- ids

	private Probe malformedId() {
		Endpoint endpoint = pick(this.idEndpoints);
		String id = pick(List.of(MALFORMED_IDS));
		return id("malformed ids", endpoint, id, Set.of(400, 401, 403, 404, 405));
	}

	private Probe absentId() {
		Endpoint endpoint = pick(this.idEndpoints);
		byte[] bytes = new byte[12];
		this.random.nextBytes(bytes);
		return id("absent ids", endpoint, HexFormat.of().formatHex(bytes), Set.of(400, 403, 404));
	}

	/** An id of another kind of resource: a payment's id as an example's, and so on. */
	private Probe foreignId() {
		Endpoint endpoint = pick(this.idEndpoints);
		// an id of another kind of resource than the endpoint's own
		List<String> others = new ArrayList<>(List.of(this.subjects.victimExampleIds().get(0),
				this.subjects.victimPaymentId(), this.subjects.victimId()));
		if (endpoint.path().startsWith("/api/examples")) {
			others.removeAll(this.subjects.victimExampleIds());
		}
		else {
			others.remove(foreignIdFor(endpoint));
		}
		return id("foreign ids", endpoint, pick(others), Set.of(400, 403, 404));
	}

	/**
	 * Another user's id, on an endpoint that takes one: only reading a public example
	 * works.
	 */
	private Probe crossUser(String kind) {
		Endpoint endpoint = pick(this.idEndpoints);
		String id = foreignIdFor(endpoint);
		Set<Integer> allowed = endpoint.path().startsWith("/api/examples") && endpoint.method().equals("GET")
				? Set.of(200) : Set.of(400, 403, 404);
		return id(kind, endpoint, id, allowed);
	}

	private String foreignIdFor(Endpoint endpoint) {
		if (endpoint.path().startsWith("/api/examples")) {
			return pick(this.subjects.victimExampleIds());
		}
		return endpoint.path().startsWith("/api/payments") ? this.subjects.victimPaymentId() : this.subjects.victimId();
	}

	private Probe id(String kind, Endpoint endpoint, String id, Set<Integer> allowed) {
		Endpoint concrete = new Endpoint(endpoint.method(), endpoint.path().replace("{id}", id), endpoint.auth(),
				endpoint.body());
		if (concrete.body() == null) {
			return probe(kind, concrete.method(), concrete.path(), headers(concrete.auth()), null, null, allowed);
		}
		return json(kind, concrete, concrete.body().get(), allowed);
	}

	// ---- query, headers, methods, tokens

	private Probe oddQuery() {
		String path = pick(List.of("/api/examples", "/api/examples", "/api/payments", "/api/users"));
		StringBuilder query = new StringBuilder();
		int count = 1 + this.random.nextInt(3);
		boolean repeat = this.random.nextInt(4) == 0;
		String first = pick(List.of(PARAMETERS));
		for (int i = 0; i < count; i++) {
			String name = (repeat || i == 0) ? first : pick(List.of(PARAMETERS));
			query.append((i == 0) ? "?" : "&").append(name).append('=').append(pick(List.of(ODD_VALUES)));
		}
		if (this.random.nextInt(20) == 0) {
			query.append("&search=").append("s".repeat(pick(List.of(101, 3_000, 9_000))));
		}
		boolean auth = !path.equals("/api/examples") || this.random.nextBoolean();
		return probe("odd query parameters", "GET", path + query, headers(auth), null, null, ANY);
	}

	private Probe oddContentType() {
		Endpoint endpoint = pick(this.endpoints);
		Map<String, String> headers = headers(endpoint.auth());
		headers.put("Content-Type", pick(List.of(CONTENT_TYPES)));
		String marker = marker();
		Map<String, Object> body = endpoint.body().get();
		body.put(pick(new ArrayList<>(body.keySet())), marker);
		byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
		return probe("odd content types", endpoint.method(), endpoint.path(), headers, bytes, marker, ANY);
	}

	private Probe oddAccept() {
		boolean write = this.random.nextBoolean();
		Endpoint endpoint = write ? pick(this.endpoints) : new Endpoint("GET", "/api/examples", false, null);
		Map<String, String> headers = headers(endpoint.auth());
		headers.put("Accept", pick(List.of(ACCEPTS)));
		if (!write) {
			return probe("odd Accept headers", "GET", endpoint.path(), headers, null, null, ANY);
		}
		headers.put("Content-Type", "application/json");
		String marker = marker();
		Map<String, Object> body = endpoint.body().get();
		body.put(pick(new ArrayList<>(body.keySet())), new Json.Raw("{\"odd\": \"" + marker + "\"}"));
		return probe("odd Accept headers", endpoint.method(), endpoint.path(), headers,
				Json.write(body).getBytes(StandardCharsets.UTF_8), marker, ANY);
	}

	private Probe oddMethod() {
		String method = pick(List.of(ODD_METHODS));
		String path = pick(List.of("/api/examples", "/api/examples/" + this.subjects.victimExampleIds().get(0),
				"/api/users/me", "/api/users", "/api/payments", "/api/users/auth/login", "/api/examples/openapi",
				"/api/users/.well-known/jwks.json"));
		if (method.equals("CONNECT")) {
			path = "127.0.0.1:22";
		}
		// the victim's example must survive a DELETE in any spelling: only an attacker
		// calls
		return probe("odd methods", method, path, headers(this.random.nextBoolean()), null, null, ANY);
	}

	private Probe brokenToken() {
		Map<String, Supplier<String>> kinds = TestTokens.brokenKinds();
		List<String> names = new ArrayList<>(kinds.keySet());
		names.addAll(List.of("empty", "basic", "huge", "two tokens", "lower-case scheme"));
		String name = pick(names);
		String authorization = switch (name) {
			case "empty" -> "Bearer ";
			case "basic" -> "Basic YWRtaW46YWRtaW4=";
			case "huge" -> "Bearer " + "e".repeat(6_000);
			case "two tokens" -> "Bearer " + this.subjects.attackerToken() + " " + this.subjects.attackerToken();
			case "lower-case scheme" -> "bearer " + kinds.get("expired").get();
			default -> "Bearer " + kinds.get(name).get();
		};
		String path = pick(List.of("/api/users/me", "/api/payments", "/api/users", "/api/examples",
				"/api/users/auth/logout", "/api/payments/" + this.subjects.victimPaymentId()));
		String method = path.endsWith("logout") || path.equals("/api/examples") ? "POST" : "GET";
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Authorization", authorization);
		byte[] body = null;
		String marker = null;
		if (method.equals("POST")) {
			marker = marker();
			headers.put("Content-Type", "application/json");
			body = Json.write(exampleBody(marker)).getBytes(StandardCharsets.UTF_8);
		}
		Set<Integer> allowed = name.equals("huge") ? Set.of(401, 431) : Set.of(401);
		return probe("broken tokens", method, path, headers, body, marker, allowed);
	}

	private Probe spoofedHeaders() {
		boolean withToken = this.random.nextBoolean();
		Map<String, String> headers = headers(withToken);
		for (int i = 0; i < 1 + this.random.nextInt(4); i++) {
			String header = pick(List.of(SPOOFED));
			headers.put(header, switch (header) {
				case "X-User-Role" -> "admin";
				case "X-Forwarded-For", "X-Real-IP", "X-Client-Address" ->
					pick(List.of("127.0.0.1", "10.0.0.1", "::1", "1.2.3.4, 127.0.0.1", "not-an-address"));
				case "Forwarded" -> "for=127.0.0.1;host=evil.example;proto=https";
				case "X-Http-Method-Override" -> "DELETE";
				case "X-Original-URL", "X-Rewrite-URL", "X-Forwarded-Prefix" -> "/api/users";
				default -> this.subjects.victimId();
			});
		}
		String path = pick(List.of("/api/users/me", "/api/users", "/api/payments",
				"/api/examples/" + this.subjects.victimExampleIds().get(0)));
		Set<Integer> allowed;
		if (path.startsWith("/api/examples")) {
			allowed = Set.of(200);
		}
		else if (!withToken) {
			allowed = Set.of(401);
		}
		else {
			allowed = path.equals("/api/users") ? Set.of(403) : Set.of(200);
		}
		return probe("spoofed identity headers", "GET", path, headers, null, null, allowed);
	}

	// ---- raw framing

	private Probe rawFraming() {
		String marker = marker();
		String body = Json.write(exampleBody(marker));
		String auth = "Authorization: Bearer " + this.subjects.attackerToken() + "\r\n";
		String host = "Host: 127.0.0.1\r\n";
		String json = "Content-Type: application/json\r\n";
		String smuggled = "GET /api/users/me HTTP/1.1\r\n" + host + "X-Smuggled: " + marker + "\r\n\r\n";
		String[] cases = {
				"POST /api/examples HTTP/1.1\r\n" + host + auth + json + "Content-Length: 4\r\n"
						+ "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n" + smuggled,
				"POST /api/examples HTTP/1.1\r\n" + host + auth + json + "Content-Length: " + body.length() + "\r\n"
						+ "Content-Length: 3\r\nConnection: close\r\n\r\n" + body,
				"POST /api/examples HTTP/1.1\r\n" + host + auth + json + "Transfer-Encoding: chunked, identity\r\n"
						+ "Connection: close\r\n\r\n" + chunked(body),
				"POST /api/examples HTTP/1.1\r\n" + host + auth + json + "Transfer-Encoding: xchunked\r\n"
						+ "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body,
				"POST /api/examples HTTP/1.1\r\n" + host + auth + json + "Transfer-Encoding: chunked\r\n"
						+ "Connection: close\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n",
				"POST /api/examples HTTP/1.1\r\n" + host + auth + json + "Transfer-Encoding: chunked\r\n\r\n"
						+ Integer.toHexString(body.length()) + "\r\n" + body + "\r\nzz\r\n\r\n",
				"POST /api/examples HTTP/1.1\r\n" + host + auth + json + "Content-Length: -1\r\n"
						+ "Connection: close\r\n\r\n" + body,
				"POST /api/examples HTTP/1.1\r\n" + host + auth + json + "Content-Length: 99999999999999999999\r\n"
						+ "Connection: close\r\n\r\n" + body,
				"GET /api/examples HTTP/1.1\r\n" + host + "X-Big: " + "h".repeat(9_000)
						+ "\r\nConnection: close\r\n\r\n",
				"GET /api/examples HTTP/1.1\r\n" + host + "X-Big: " + "h".repeat(70_000)
						+ "\r\nConnection: close\r\n\r\n",
				"GET /api/examples HTTP/1.1\r\n" + host + "X-Many: 1\r\n".repeat(800) + "Connection: close\r\n\r\n",
				"GET /api/examples?search=" + "u".repeat(5_000) + " HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
				"GET /api/examples NOT-HTTP\r\n" + host + "Connection: close\r\n\r\n",
				"\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n",
				"GET /api/examples HTTP/1.1\r\n" + host + "No colon here\r\nConnection: close\r\n\r\n",
				"GET /api/examples HTTP/1.1\r\n" + host + "X-Folded: a\r\n folded\r\nConnection: close\r\n\r\n",
				"GET /api/examples HTTP/1.1\r\n" + host + "X-Nul: a\u0000b\r\nConnection: close\r\n\r\n",
				"GET /api/examples HTTP/1.1\r\n" + host + "Bad Name: 1\r\nConnection: close\r\n\r\n",
				"GET http://evil.example/api/users/me HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
				"GET /api/examples HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n",
				"GET /api/examples HTTP/1.1\r\nConnection: close\r\n\r\n", "GET /api/examples HTTP/1.0\r\n\r\n",
				"GET /api/../api/users/me HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
				"GET /api/examples/%2e%2e/users/me HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
				"GET /%61pi/users/me HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
				"GET /api/users/me\u0000 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
				"GET /api/examples HTTP/9.9\r\n" + host + "Connection: close\r\n\r\n",
				"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" };
		int index = this.random.nextInt(cases.length);
		return new Probe("raw framing", "raw case " + index, cases[index].getBytes(StandardCharsets.ISO_8859_1), ANY,
				marker);
	}

	private static String chunked(String body) {
		return Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
	}

	// ---- well-formed controls: accepted, and their markers must be found stored

	private Probe control() {
		String marker = marker();
		return json("control (valid)", new Endpoint("POST", "/api/examples", true, null), exampleBody(marker), marker,
				Set.of(201));
	}

	// ---- bodies of each endpoint

	private Map<String, Object> exampleBody() {
		return exampleBody(marker());
	}

	private static Map<String, Object> exampleBody(String marker) {
		return map("name", "N " + marker, "description", "Description " + marker, "status", "active");
	}

	private Map<String, Object> examplePatch() {
		return map("description", "Patched " + marker());
	}

	private Map<String, Object> registerBody() {
		String marker = marker();
		return map("email", marker + "@campaign.test", "password", "long-enough-" + marker, "name", marker);
	}

	private Map<String, Object> loginBody() {
		return map("email", marker() + "@campaign.test", "password", "wrong-password");
	}

	private Map<String, Object> paymentBody() {
		return map("amount", 1200, "currency", "usd", "description", "Pay " + marker());
	}

	private Map<String, Object> stripeEvent() {
		return map("id", "evt_" + marker(), "type", "payment_intent.succeeded", "data", Map.of("object",
				Map.of("id", "pi_" + marker(), "metadata", Map.of("user_id", this.subjects.victimId()))));
	}

	// ---- assembling requests

	private Probe json(String kind, Endpoint endpoint, Map<String, Object> body, Set<Integer> allowed) {
		return json(kind, endpoint, body, markerIn(body), allowed);
	}

	private Probe json(String kind, Endpoint endpoint, Map<String, Object> body, String marker, Set<Integer> allowed) {
		return body(kind, endpoint, Json.write(body).getBytes(StandardCharsets.UTF_8), marker, allowed);
	}

	private Probe body(String kind, Endpoint endpoint, byte[] body, String marker, Set<Integer> allowed) {
		Map<String, String> headers = headers(endpoint.auth());
		headers.put("Content-Type", "application/json");
		return probe(kind, endpoint.method(), endpoint.path(), headers, body, marker, allowed);
	}

	private Map<String, String> headers(boolean auth) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (auth) {
			headers.put("Authorization", "Bearer " + this.subjects.attackerToken());
		}
		if (this.random.nextInt(5) == 0) {
			headers.put("Idempotency-Key", marker());
		}
		return headers;
	}

	private Probe probe(String kind, String method, String path, Map<String, String> headers, byte[] body,
			String marker, Set<Integer> allowed) {
		StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		head.append("Host: 127.0.0.1\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[start.length + ((body != null) ? body.length : 0)];
		System.arraycopy(start, 0, bytes, 0, start.length);
		if (body != null) {
			System.arraycopy(body, 0, bytes, start.length, body.length);
		}
		return new Probe(kind, method + " " + abbreviate(path), bytes, allowed, marker);
	}

	private String markerIn(Map<String, Object> body) {
		String json = Json.write(body);
		int at = json.indexOf(this.subjects.markerPrefix());
		if (at < 0) {
			return null;
		}
		int end = at + this.subjects.markerPrefix().length();
		while (end < json.length() && Character.isDigit(json.charAt(end))) {
			end++;
		}
		return json.substring(at, end);
	}

	private String marker() {
		return this.subjects.markerPrefix() + this.random.nextInt(1_000_000_000);
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static String abbreviate(String text) {
		return (text.length() > 120) ? text.substring(0, 120) + "..." : text;
	}

}
