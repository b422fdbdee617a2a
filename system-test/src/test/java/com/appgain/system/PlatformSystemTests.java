package com.appgain.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.devstack.stripe.FakeStripe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform as a client sees it: every request goes through the gateway to real
 * service processes found through the real registry.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformSystemTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final FakeStripe stripe = FakeStripe.start();

	private static Platform platform;

	private static String accessToken;

	private static String refreshToken;

	@BeforeAll
	static void startThePlatform() throws Exception {
		// assigned first, so that a start-up failure still stops what did start
		platform = new Platform(PlatformSystemTests.class);
		platform.startSuite(stripe, Map.of());
	}

	@AfterAll
	static void stopThePlatform() throws Exception {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	@Order(1)
	void registerThroughTheGateway() throws Exception {
		HttpResponse<String> response = post("/api/users",
				"{\"email\": \"Ada@Example.com\", \"password\": \"correct-horse-42\", \"name\": \"Ada\"}", null);
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(body(response).path("user").path("email").asString()).isEqualTo("ada@example.com");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	@Order(2)
	void loginAndCallAProtectedRoute() throws Exception {
		HttpResponse<String> login = post("/api/users/auth/login",
				"{\"email\": \"ada@example.com\", \"password\": \"correct-horse-42\"}", null);
		assertThat(login.statusCode()).isEqualTo(200);
		accessToken = body(login).path("access_token").asString();
		refreshToken = body(login).path("refresh_token").asString();
		HttpResponse<String> me = get("/api/users/me", accessToken);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(body(me).path("user").path("name").asString()).isEqualTo("Ada");
	}

	@Test
	@Order(3)
	void protectedRouteWithoutTokenIsRefusedAtTheGateway() throws Exception {
		HttpResponse<String> me = get("/api/users/me", null);
		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(body(me).path("status").asString()).isEqualTo("failed");
		assertThat(body(me).path("request_id").asString()).isNotBlank();
	}

	@Test
	@Order(4)
	void refreshRotatesTheTokens() throws Exception {
		HttpResponse<String> refreshed = post("/api/users/auth/refresh",
				"{\"refresh_token\": \"" + refreshToken + "\"}", null);
		assertThat(refreshed.statusCode()).isEqualTo(200);
		String rotated = body(refreshed).path("refresh_token").asString();
		assertThat(rotated).isNotEqualTo(refreshToken);
		HttpResponse<String> reuse = post("/api/users/auth/refresh", "{\"refresh_token\": \"" + refreshToken + "\"}",
				null);
		assertThat(reuse.statusCode()).isEqualTo(401);
		HttpResponse<String> login = post("/api/users/auth/login",
				"{\"email\": \"ada@example.com\", \"password\": \"correct-horse-42\"}", null);
		accessToken = body(login).path("access_token").asString();
		refreshToken = body(login).path("refresh_token").asString();
	}

	@Test
	@Order(5)
	void logoutRevokesTheAccessTokenEverywhere() throws Exception {
		HttpResponse<String> logout = post("/api/users/auth/logout", "{\"refresh_token\": \"" + refreshToken + "\"}",
				accessToken);
		assertThat(logout.statusCode()).isEqualTo(200);
		HttpResponse<String> me = get("/api/users/me", accessToken);
		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(body(me).path("error").asString()).isEqualTo("unauthorized");
	}

	@Test
	@Order(6)
	void actuatorAndInternalPathsAreNotRouted() throws Exception {
		assertThat(get("/api/users/actuator/env", null).statusCode()).isIn(401, 404);
		assertThat(get("/internal/users", null).statusCode()).isIn(401, 404);
	}

	@Test
	@Order(7)
	void exampleCrudThroughTheGatewayWithOwnership() throws Exception {
		String owner = registerAndLogin("owner@example.com");
		String other = registerAndLogin("other@example.com");
		HttpResponse<String> created = post("/api/examples",
				"{\"name\": \"First example\", \"description\": \"Created through the gateway\"}", owner);
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(body(created).path("message").asString()).isEqualTo("Example created successfully");
		String id = body(created).path("example").path("id").asString();

		HttpResponse<String> read = get("/api/examples/" + id, null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(body(read).path("example").path("user_id").asString()).isNotBlank();
		HttpResponse<String> list = get("/api/examples?search=first&limit=5", null);
		assertThat(body(list).path("pagination").path("total_count").asLong()).isEqualTo(1);

		String update = "{\"name\": \"Renamed\", \"description\": \"Changed by someone\"}";
		assertThat(send("PUT", "/api/examples/" + id, update, other).statusCode()).isEqualTo(403);
		assertThat(send("PUT", "/api/examples/" + id, update, owner).statusCode()).isEqualTo(200);
		assertThat(send("DELETE", "/api/examples/" + id, null, other).statusCode()).isEqualTo(403);
		assertThat(send("DELETE", "/api/examples/" + id, null, owner).statusCode()).isEqualTo(200);
		assertThat(get("/api/examples/" + id, null).statusCode()).isEqualTo(404);
	}

	@Test
	@Order(8)
	void serviceErrorsKeepTheEnvelopeThroughTheGateway() throws Exception {
		HttpResponse<String> response = send("GET", "/api/examples/not-an-id", null, null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(body(response).path("error").asString()).isEqualTo("bad_request");
		assertThat(body(response).path("request_id").asString())
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
	}

	@Test
	@Order(9)
	void paymentIsCreatedThenSucceedsThroughASignedWebhook() throws Exception {
		String payer = registerAndLogin("payer@example.com");
		String body = "{\"amount\": 2500, \"currency\": \"usd\", \"description\": \"System test\"}";
		HttpResponse<String> created = platform.send(platform.request("/api/payments")
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + payer)
			.header("Idempotency-Key", "system-test-1")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(body(created).path("client_secret").asString()).isNotBlank();
		JsonNode payment = body(created).path("payment");
		String intentId = payment.path("stripe_payment_intent_id").asString();

		String event = FakeStripe.event("payment_intent.succeeded", stripe.succeed(intentId));
		HttpResponse<String> delivered = platform.send(platform.request("/api/payments/webhooks/stripe")
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", FakeStripe.signature(event))
			.POST(HttpRequest.BodyPublishers.ofString(event)));
		assertThat(delivered.statusCode()).isEqualTo(200);
		HttpResponse<String> forged = platform.send(platform.request("/api/payments/webhooks/stripe")
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", FakeStripe.signature(event, 1, "whsec_forged"))
			.POST(HttpRequest.BodyPublishers.ofString(event)));
		assertThat(forged.statusCode()).isEqualTo(400);

		HttpResponse<String> read = get("/api/payments/" + payment.path("id").asString(), payer);
		assertThat(body(read).path("payment").path("status").asString()).isEqualTo("succeeded");
		assertThat(stripe.intentsCreatedFor(payment.path("user_id").asString())).isEqualTo(1);
	}

	@Test
	@Order(10)
	void aPaymentConfirmedWithATestCardSucceedsThroughTheStandInsWebhooks() throws Exception {
		stripe.deliverWebhooksTo(URI.create(platform.gatewayUrl() + "/api/payments/webhooks/stripe"));
		String payer = registerAndLogin("confirmer@example.com");
		HttpResponse<String> created = platform.send(platform.request("/api/payments")
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + payer)
			.header("Idempotency-Key", "system-test-confirm")
			.POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 1200, \"currency\": \"eur\"}")));
		String path = "/api/payments/" + body(created).path("payment").path("id").asString();

		HttpResponse<String> confirmed = post(path + "/confirm", "{\"payment_method\": \"pm_card_visa\"}", payer);

		assertThat(confirmed.statusCode()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(body(get(path, payer)).path("payment").path("status").asString())
				.isEqualTo("succeeded"));
	}

	@Test
	@Order(11)
	void thePortalListsEveryServiceAndTriesACallWithARealToken() throws Exception {
		PortalBrowser.assumeAvailable();
		String token = registerAndLogin("portal@example.com");

		PortalBrowser.Result result = PortalBrowser.open(platform.gatewayUrl(), token);

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("ok users lists", "ok examples lists", "ok payments lists",
				"ok with a success envelope");
	}

	private static String registerAndLogin(String email) throws Exception {
		post("/api/users", "{\"email\": \"" + email + "\", \"password\": \"long-enough-pw\", \"name\": \"U\"}", null);
		HttpResponse<String> login = post("/api/users/auth/login",
				"{\"email\": \"" + email + "\", \"password\": \"long-enough-pw\"}", null);
		assertThat(login.statusCode()).isEqualTo(200);
		return body(login).path("access_token").asString();
	}

	private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
		HttpRequest.Builder request = platform.request(path)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return platform.send(request);
	}

	private static HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = platform.request(path).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return platform.send(request);
	}

	private static HttpResponse<String> post(String path, String body, String token) throws Exception {
		HttpRequest.Builder request = platform.request(path)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return platform.send(request);
	}

	private static JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
