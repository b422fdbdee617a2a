package com.appgain.devstack.stripe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import com.stripe.Stripe;

/**
 * A local stand-in for the Stripe HTTP API endpoints payments-service uses, with state in
 * memory, on loopback only: {@code POST /v1/customers}, {@code POST /v1/payment_intents},
 * {@code GET /v1/payment_intents/{id}}, {@code POST /v1/payment_intents/{id}/confirm} and
 * {@code POST /v1/refunds}. Confirming takes Stripe's test payment methods
 * ({@code pm_card_visa} succeeds, {@code pm_card_chargeDeclined} is declined), and, once
 * {@link #deliverWebhooksTo} names an endpoint, every change is delivered there as a
 * signed event, as Stripe does. {@code ./run} starts it through {@link StripeStandIn}
 * when no {@code STRIPE_API_KEY} is set; tests start it with {@link #start()}. Like
 * Stripe it honours the {@code Idempotency-Key} header: the same key with the same
 * parameters answers the stored response (header {@code Idempotent-Replayed: true}), with
 * other parameters a 400 {@code idempotency_error}. Requests are handled one at a time,
 * so concurrent requests with one key see one another's result, as at Stripe. Tests drive
 * the payment lifecycle with {@link #succeed}, {@link #fail}, and build and sign webhook
 * events with {@link #event} and {@link #signature}.
 */
public final class FakeStripe {

	public static final String API_KEY = "sk_test_fake";

	public static final String WEBHOOK_SECRET = "whsec_test_secret";

	private static final String CONFIRM = "/confirm";

	private static final Set<String> CONFIRMABLE = Set.of("requires_payment_method", "requires_confirmation");

	private static final Set<String> PAYING = Set.of("pm_card_visa", "pm_card_mastercard", "pm_card_amex");

	private static final Set<String> DECLINED = Set.of("pm_card_chargeDeclined",
			"pm_card_chargeDeclinedInsufficientFunds");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final String apiKey;

	private final WebhookDelivery webhooks;

	private final AtomicLong ids = new AtomicLong(1000);

	private final Map<String, Map<String, Object>> customers = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> intents = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> refunds = new LinkedHashMap<>();

	private final Map<String, Stored> idempotent = new HashMap<>();

	private final Map<String, String> intentKeys = new HashMap<>();

	private final Map<String, Integer> requests = new HashMap<>();

	private int failures;

	private boolean failAfterProcessing;

	private volatile long intentLatencyMillis;

	private FakeStripe(HttpServer server, String apiKey, String webhookSecret) {
		this.server = server;
		this.apiKey = apiKey;
		this.webhooks = new WebhookDelivery(webhookSecret);
	}

	/** On a free loopback port, with {@link #API_KEY} and {@link #WEBHOOK_SECRET}. */
	public static FakeStripe start() {
		return start(0, API_KEY, WEBHOOK_SECRET);
	}

	public static FakeStripe start(int port, String apiKey, String webhookSecret) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
			FakeStripe fake = new FakeStripe(server, apiKey, webhookSecret);
			server.createContext("/", fake::handle);
			server.setExecutor(Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "fake-stripe");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** From now on, every change is delivered to {@code endpoint} as a signed event. */
	public void deliverWebhooksTo(URI endpoint) {
		this.webhooks.to(endpoint);
	}

	public void stop() {
		this.server.stop(0);
		this.webhooks.stop();
	}

	// ---- what tests ask

	/** PaymentIntents created for {@code userId} (by metadata), replays not counted. */
	public synchronized long intentsCreatedFor(String userId) {
		return this.intents.values()
			.stream()
			.filter((intent) -> userId.equals(metadata(intent).get("user_id")))
			.count();
	}

	public synchronized long customersCreatedFor(String userId) {
		return this.customers.values()
			.stream()
			.filter((customer) -> userId.equals(metadata(customer).get("user_id")))
			.count();
	}

	/** Requests received, replays included, e.g. {@code "POST /v1/refunds"}. */
	public synchronized int requests(String route) {
		return this.requests.getOrDefault(route, 0);
	}

	public synchronized Map<String, Object> intent(String id) {
		return new LinkedHashMap<>(this.intents.get(id));
	}

	/** The {@code Idempotency-Key} the PaymentIntent was created with. */
	public synchronized String idempotencyKeyOf(String intentId) {
		return this.intentKeys.get(intentId);
	}

	/** The charge of a succeeded intent as Stripe puts it in {@code charge.*} events. */
	public synchronized Map<String, Object> charge(String intentId) {
		Map<String, Object> intent = this.intents.get(intentId);
		Map<String, Object> charge = new LinkedHashMap<>();
		charge.put("id", "ch_" + intentId.substring(3));
		charge.put("object", "charge");
		charge.put("amount", intent.get("amount"));
		charge.put("amount_captured", intent.get("amount_received"));
		charge.put("amount_refunded", refunded(intentId));
		charge.put("currency", intent.get("currency"));
		charge.put("payment_intent", intentId);
		charge.put("refunded", refunded(intentId) >= (long) intent.get("amount_received"));
		charge.put("status", "succeeded");
		return charge;
	}

	// ---- what tests make happen

	/** The customer paid: the intent succeeded and its amount was captured. */
	public synchronized Map<String, Object> succeed(String intentId) {
		Map<String, Object> intent = this.intents.get(intentId);
		intent.put("status", "succeeded");
		intent.put("amount_received", intent.get("amount"));
		intent.put("latest_charge", "ch_" + intentId.substring(3));
		intent.put("last_payment_error", null);
		return new LinkedHashMap<>(intent);
	}

	/** The customer's card was declined: the intent wants another payment method. */
	public synchronized Map<String, Object> fail(String intentId, String message) {
		Map<String, Object> intent = this.intents.get(intentId);
		intent.put("status", "requires_payment_method");
		intent.put("last_payment_error",
				new LinkedHashMap<>(Map.of("type", "card_error", "code", "card_declined", "message", message)));
		return new LinkedHashMap<>(intent);
	}

	public synchronized Map<String, Object> setStatus(String intentId, String status) {
		Map<String, Object> intent = this.intents.get(intentId);
		intent.put("status", status);
		return new LinkedHashMap<>(intent);
	}

	/**
	 * Makes PaymentIntent creation take {@code latency} (outside the fake's lock), so
	 * that concurrent requests surely overlap.
	 */
	public void delayPaymentIntentCreation(Duration latency) {
		this.intentLatencyMillis = latency.toMillis();
	}

	/** The next {@code count} requests fail with a 500 before doing anything. */
	public synchronized void failNext(int count) {
		this.failures = count;
	}

	/**
	 * The next request is carried out (and its result stored under its idempotency key),
	 * but its response is lost: the client sees a 500.
	 */
	public synchronized void loseNextResponse() {
		this.failAfterProcessing = true;
	}

	// ---- webhook events

	public static String event(String type, Map<String, Object> object) {
		return event("evt_" + System.nanoTime(), type, object, Instant.now().getEpochSecond());
	}

	public static String event(String id, String type, Map<String, Object> object, long created) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", id);
		event.put("object", "event");
		event.put("api_version", Stripe.API_VERSION);
		event.put("created", created);
		event.put("livemode", false);
		event.put("pending_webhooks", 1);
		event.put("type", type);
		event.put("data", Map.of("object", object));
		return JSON.writeValueAsString(event);
	}

	/**
	 * The {@code Stripe-Signature} header Stripe would send for {@code payload} at
	 * {@code timestamp}.
	 */
	public static String signature(String payload, long timestamp, String secret) {
		return "t=" + timestamp + ",v1=" + hmacSha256Hex(secret, timestamp + "." + payload);
	}

	public static String signature(String payload) {
		return signature(payload, Instant.now().getEpochSecond(), WEBHOOK_SECRET);
	}

	public static String hmacSha256Hex(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---- the HTTP side

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String query = exchange.getRequestURI().getRawQuery();
			Map<String, String> params = parseForm(body.isEmpty() ? query : body);
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			if ("POST".equals(method) && path.equals("/v1/payment_intents")) {
				pause(this.intentLatencyMillis);
			}
			Response response = respond(method, path, params, exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("Idempotency-Key"));
			byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.getResponseHeaders().set("Request-Id", "req_" + this.ids.incrementAndGet());
			response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			exchange.sendResponseHeaders(response.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private synchronized Response respond(String method, String path, Map<String, String> params, String authorization,
			String idempotencyKey) {
		String route = method + " " + path.replaceFirst("^/v1/payment_intents/[^/]+", "/v1/payment_intents/{id}");
		this.requests.merge(route, 1, Integer::sum);
		if (!("Bearer " + this.apiKey).equals(authorization)) {
			return error(401, "invalid_request_error", null, "Invalid API Key provided");
		}
		if (this.failures > 0) {
			this.failures--;
			return serverError();
		}
		Response response = idempotent(method, path, params, idempotencyKey);
		if (this.failAfterProcessing) {
			this.failAfterProcessing = false;
			return serverError();
		}
		return response;
	}

	private Response idempotent(String method, String path, Map<String, String> params, String key) {
		if (!"POST".equals(method) || key == null) {
			return route(method, path, params, key);
		}
		String fingerprint = method + " " + path + " " + new TreeMap<>(params);
		Stored stored = this.idempotent.get(key);
		if (stored != null) {
			if (!stored.fingerprint().equals(fingerprint)) {
				return error(400, "idempotency_error", null,
						"Keys for idempotent requests can only be used with the same parameters they were first used with.");
			}
			return new Response(stored.status(), stored.body(), Map.of("Idempotent-Replayed", "true"));
		}
		Response response = route(method, path, params, key);
		this.idempotent.put(key, new Stored(fingerprint, response.status(), response.body()));
		return response;
	}

	private Response route(String method, String path, Map<String, String> params, String key) {
		if ("POST".equals(method) && path.equals("/v1/customers")) {
			return createCustomer(params);
		}
		if ("POST".equals(method) && path.equals("/v1/payment_intents")) {
			return createIntent(params, key);
		}
		if ("POST".equals(method) && path.startsWith("/v1/payment_intents/") && path.endsWith(CONFIRM)) {
			return confirm(path.substring("/v1/payment_intents/".length(), path.length() - CONFIRM.length()),
					params.get("payment_method"));
		}
		if ("GET".equals(method) && path.startsWith("/v1/payment_intents/")) {
			Map<String, Object> intent = this.intents.get(path.substring("/v1/payment_intents/".length()));
			return (intent != null) ? ok(intent)
					: error(404, "invalid_request_error", "resource_missing", "No such payment_intent");
		}
		if ("POST".equals(method) && path.equals("/v1/refunds")) {
			return createRefund(params);
		}
		return error(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path + ")");
	}

	private Response createCustomer(Map<String, String> params) {
		Map<String, Object> customer = object("cus", "customer");
		customer.put("email", params.get("email"));
		customer.put("metadata", nested(params, "metadata"));
		this.customers.put((String) customer.get("id"), customer);
		return ok(customer);
	}

	private Response createIntent(Map<String, String> params, String key) {
		long amount = Long.parseLong(params.get("amount"));
		if (amount < 50) {
			return error(400, "invalid_request_error", "amount_too_small", "Amount must be at least $0.50 usd");
		}
		Map<String, Object> intent = object("pi", "payment_intent");
		String id = (String) intent.get("id");
		intent.put("amount", amount);
		intent.put("amount_received", 0L);
		intent.put("currency", params.get("currency"));
		intent.put("description", params.get("description"));
		intent.put("customer", params.get("customer"));
		intent.put("client_secret", id + "_secret_" + this.ids.incrementAndGet());
		intent.put("status", "requires_payment_method");
		intent.put("latest_charge", null);
		intent.put("last_payment_error", null);
		intent.put("metadata", nested(params, "metadata"));
		this.intents.put(id, intent);
		this.intentKeys.put(id, key);
		return ok(intent);
	}

	private Response createRefund(Map<String, String> params) {
		String intentId = params.get("payment_intent");
		Map<String, Object> intent = this.intents.get(intentId);
		if (intent == null) {
			return error(404, "invalid_request_error", "resource_missing", "No such payment_intent");
		}
		if (!"succeeded".equals(intent.get("status"))) {
			return error(400, "invalid_request_error", "payment_intent_unexpected_state",
					"This PaymentIntent does not have a successful charge to refund.");
		}
		long left = (long) intent.get("amount_received") - refunded(intentId);
		if (left <= 0) {
			return error(400, "invalid_request_error", "charge_already_refunded", "Charge has already been refunded.");
		}
		long amount = params.containsKey("amount") ? Long.parseLong(params.get("amount")) : left;
		if (amount > left) {
			return error(400, "invalid_request_error", "amount_too_large",
					"Refund amount is greater than unrefunded amount on charge");
		}
		Map<String, Object> refund = object("re", "refund");
		refund.put("amount", amount);
		refund.put("currency", intent.get("currency"));
		refund.put("payment_intent", intentId);
		refund.put("charge", "ch_" + intentId.substring(3));
		refund.put("status", "succeeded");
		refund.put("metadata", nested(params, "metadata"));
		this.refunds.put((String) refund.get("id"), refund);
		this.webhooks.deliver(event("charge.refunded", charge(intentId)));
		return ok(refund);
	}

	// Stripe's test payment methods: these succeed, those are declined, others do not
	// exist
	private Response confirm(String intentId, String paymentMethod) {
		Map<String, Object> intent = this.intents.get(intentId);
		if (intent == null) {
			return error(404, "invalid_request_error", "resource_missing", "No such payment_intent");
		}
		if (!CONFIRMABLE.contains(intent.get("status"))) {
			return error(400, "invalid_request_error", "payment_intent_unexpected_state",
					"This PaymentIntent's status is " + intent.get("status") + " and it cannot be confirmed.");
		}
		if (PAYING.contains(paymentMethod)) {
			intent.put("payment_method", paymentMethod);
			this.webhooks.deliver(event("payment_intent.succeeded", succeed(intentId)));
			return ok(intent);
		}
		if (DECLINED.contains(paymentMethod)) {
			intent.put("payment_method", paymentMethod);
			Map<String, Object> failed = fail(intentId, "Your card was declined.");
			this.webhooks.deliver(event("payment_intent.payment_failed", failed));
			return new Response(402, JSON.writeValueAsString(Map.of("error", Map.of("type", "card_error", "code",
					"card_declined", "message", "Your card was declined.", "payment_intent", failed))), Map.of());
		}
		return new Response(400,
				JSON.writeValueAsString(Map
					.of("error",
							Map.of("type", "invalid_request_error", "code", "resource_missing", "param",
									"payment_method", "message", "No such PaymentMethod: '" + paymentMethod + "'"))),
				Map.of());
	}

	private long refunded(String intentId) {
		return this.refunds.values()
			.stream()
			.filter((refund) -> intentId.equals(refund.get("payment_intent")))
			.mapToLong((refund) -> (long) refund.get("amount"))
			.sum();
	}

	private Map<String, Object> object(String prefix, String type) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("id", prefix + "_" + Long.toString(this.ids.incrementAndGet(), 36) + "Fake");
		object.put("object", type);
		object.put("created", Instant.now().getEpochSecond());
		object.put("livemode", false);
		return object;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> metadata(Map<String, Object> object) {
		Object metadata = object.get("metadata");
		return (metadata instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private static Map<String, String> nested(Map<String, String> params, String name) {
		Map<String, String> nested = new LinkedHashMap<>();
		params.forEach((key, value) -> {
			if (key.startsWith(name + "[") && key.endsWith("]")) {
				nested.put(key.substring(name.length() + 1, key.length() - 1), value);
			}
		});
		return nested;
	}

	private static Map<String, String> parseForm(String form) {
		Map<String, String> params = new LinkedHashMap<>();
		if (form == null || form.isEmpty()) {
			return params;
		}
		for (String pair : form.split("&")) {
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
			String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			params.put(key, value);
		}
		return params;
	}

	private static Response ok(Map<String, Object> object) {
		return new Response(200, JSON.writeValueAsString(object), Map.of());
	}

	private static Response serverError() {
		Response error = error(500, "api_error", null, "Something went wrong on Stripe's end.");
		return new Response(500, error.body(), Map.of("Stripe-Should-Retry", "false"));
	}

	private static Response error(int status, String type, String code, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("type", type);
		error.put("code", code);
		error.put("message", message);
		return new Response(status, JSON.writeValueAsString(Map.of("error", error)), Map.of());
	}

	private record Stored(String fingerprint, int status, String body) {
	}

	private record Response(int status, String body, Map<String, String> headers) {
	}

}
