package com.appgain.users;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.common.test.Envelopes;
import com.appgain.common.test.FixtureProperties;
import com.appgain.common.test.TestKeys;
import com.appgain.users.user.AdminBootstrap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context every integration test shares: the service on a random port, the
 * MongoDB and Redis fixtures, common-test's key as the signing key (so {@code TestTokens}
 * are accepted) and a second, previous key. Each test sends its requests from its own
 * client address in the header the (trusted, loopback) gateway sets, so the per-address
 * login throttle of one test never touches another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "appgain.users.jwt.key-id=" + TestKeys.KEY_ID,
				"appgain.users.jwt.access-token-ttl=15m", "appgain.users.password.memory-kib=1024",
				"appgain.users.password.iterations=1", "appgain.users.auth.max-failures-per-account=3",
				"appgain.users.auth.max-failures-per-ip=5", "appgain.users.admin.email=" + IntegrationTests.ADMIN_EMAIL,
				"appgain.users.admin.password=" + IntegrationTests.ADMIN_PASSWORD, "logging.structured.format.console=",
				// a shared, busy test machine: a slow Redis answer must not read as an
				// outage
				"spring.data.redis.timeout=5s" })
public abstract class IntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final String ADMIN_EMAIL = "root@appgain.test";

	protected static final String ADMIN_PASSWORD = "root-password-1";

	protected static final String PASSWORD = "correct horse battery";

	/** A key users-service no longer signs with but still accepts, kid previous-key. */
	protected static final RSAKey PREVIOUS_KEY = generateKey("previous-key");

	@LocalServerPort
	private int port;

	@Autowired
	private AdminBootstrap adminBootstrap;

	protected WebTestClient client;

	protected String clientAddress;

	@DynamicPropertySource
	static void fixtures(DynamicPropertyRegistry registry) {
		FixtureProperties.register(registry, "users-tests");
		registry.add("appgain.users.jwt.signing-key", TestKeys::privateKeyPem);
		registry.add("appgain.users.jwt.previous-public-keys",
				() -> "kid: previous-key\n" + publicKeyPem(PREVIOUS_KEY));
	}

	@BeforeEach
	protected void clientFromItsOwnAddress() {
		this.clientAddress = "10." + random(256) + "." + random(256) + "." + random(256);
		this.client = WebTestClient.bindToServer()
			.baseUrl(baseUrl())
			.defaultHeader("X-Client-Address", this.clientAddress)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	protected static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@appgain.test";
	}

	/** Registers a user with {@link #PASSWORD} and returns its JSON. */
	protected Map<String, Object> register(String email, String name) {
		return body(this.client.post()
			.uri("/api/users")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", PASSWORD, "name", name))
			.exchange()
			.expectStatus()
			.isCreated(), "user");
	}

	protected Map<String, Object> register(String email) {
		return register(email, "Test User");
	}

	/** Logs in and returns the whole token response. */
	protected Map<String, Object> login(String email, String password) {
		return body(loginRequest(email, password).expectStatus().isOk(), null);
	}

	protected WebTestClient.ResponseSpec loginRequest(String email, String password) {
		return this.client.post()
			.uri("/api/users/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", password))
			.exchange();
	}

	protected WebTestClient.ResponseSpec refreshRequest(String refreshToken) {
		return this.client.post()
			.uri("/api/users/auth/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("refresh_token", refreshToken))
			.exchange();
	}

	protected WebTestClient.ResponseSpec me(String accessToken) {
		return this.client.get()
			.uri("/api/users/me")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.exchange();
	}

	/** A fresh access token of the configured administrator. */
	protected String adminToken() {
		this.adminBootstrap.ensureAdmin().block();
		return accessToken(login(ADMIN_EMAIL, ADMIN_PASSWORD));
	}

	protected static String accessToken(Map<String, Object> tokens) {
		return (String) tokens.get("access_token");
	}

	protected static String refreshToken(Map<String, Object> tokens) {
		return (String) tokens.get("refresh_token");
	}

	protected static void expectError(WebTestClient.ResponseSpec response, HttpStatus status, String error) {
		Envelopes.expectFailure(response, status.value(), error);
	}

	/** Asserts the failure envelope and returns it, for comparing whole answers. */
	@SuppressWarnings("unchecked")
	protected static Map<String, Object> failure(WebTestClient.ResponseSpec response, HttpStatus status, String error) {
		byte[] body = Envelopes.expectFailure(response, status.value(), error).returnResult().getResponseBody();
		return JSON.readValue(body, Map.class);
	}

	@SuppressWarnings("unchecked")
	protected static Map<String, Object> body(WebTestClient.ResponseSpec response, String key) {
		Map<String, Object> body = response.expectBody(Map.class).returnResult().getResponseBody();
		return (key != null) ? (Map<String, Object>) body.get(key) : body;
	}

	protected static String publicKeyPem(RSAKey key) {
		try {
			return "-----BEGIN PUBLIC KEY-----\n"
					+ java.util.Base64.getMimeEncoder().encodeToString(key.toRSAPublicKey().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generateKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int random(int bound) {
		return ThreadLocalRandom.current().nextInt(bound);
	}

}
