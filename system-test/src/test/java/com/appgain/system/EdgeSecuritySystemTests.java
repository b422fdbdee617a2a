package com.appgain.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker in front of the gateway, or next to the registry, can do to the real
 * processes: spoof client addresses, reach actuator, register or silence a service.
 */
class EdgeSecuritySystemTests {

	private static final String LOGIN = "/api/users/auth/login";

	private static final String INSTANCE = """
			{"instance": {"instanceId": "evil-1", "app": "USERS", "hostName": "127.0.0.9", "ipAddr": "127.0.0.9",
			"vipAddress": "users", "status": "UP", "port": {"$": 9, "@enabled": "true"},
			"dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}
			""";

	private static Platform platform;

	@BeforeAll
	static void startThePlatform() throws Exception {
		platform = new Platform(EdgeSecuritySystemTests.class).startInfrastructure();
		platform.startService("users-service", "users", Map.of());
		platform.startGateway();
		platform.awaitRoute("/api/users/.well-known/jwks.json");
	}

	@AfterAll
	static void stopThePlatform() throws Exception {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void oneClientsFailedLoginsDoNotLockOutAnother() throws Exception {
		SourceAddressClient attacker = new SourceAddressClient("127.0.0.2", platform.gatewayPort);
		SourceAddressClient user = new SourceAddressClient("127.0.0.3", platform.gatewayPort);
		String email = "ada-" + UUID.randomUUID() + "@example.com";
		assertThat(user.postJson("/api/users", registration(email), Map.of())).isEqualTo(201);

		List<Integer> attempts = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			attempts.add(attacker.postJson(LOGIN, login("nobody-" + i + "@example.com", "wrong-password"), Map.of()));
		}

		assertThat(attempts.subList(0, 20)).containsOnly(401);
		assertThat(attempts.subList(20, 25)).containsOnly(429);
		assertThat(user.postJson(LOGIN, login(email, "correct-horse-42"), Map.of())).isEqualTo(200);
	}

	@Test
	void rotatingForwardingHeadersDoesNotEscapeTheAddressLimit() throws Exception {
		SourceAddressClient attacker = new SourceAddressClient("127.0.0.4", platform.gatewayPort);
		List<Integer> attempts = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			String spoofed = "198.51.100." + (i + 1);
			attempts.add(attacker.postJson(LOGIN, login("nobody-" + i + "@example.com", "wrong-password"),
					Map.of("X-Forwarded-For", spoofed, "Forwarded", "for=" + spoofed, "X-Real-IP", spoofed,
							"X-Client-Address", spoofed)));
		}
		assertThat(attempts.subList(20, 25)).containsOnly(429);
	}

	@Test
	void actuatorAnswersOnTheManagementPortOnly() throws Exception {
		HttpResponse<String> publicPort = platform.send(platform.request("/actuator/prometheus").GET());
		assertThat(publicPort.statusCode()).isEqualTo(404);
		assertThat(publicPort.body()).contains("\"status_code\":404");

		HttpResponse<String> management = platform
			.send(HttpRequest.newBuilder(URI.create(platform.managementUrl("gateway") + "/actuator/prometheus")));
		assertThat(management.statusCode()).isEqualTo(200);
		assertThat(management.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void anonymousClientsCannotRegisterOrSilenceAService() throws Exception {
		HttpResponse<String> registration = platform
			.send(registry("/eureka/apps/USERS", null).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(INSTANCE)));
		assertThat(registration.statusCode()).isEqualTo(401);

		String usersInstance = instanceIdOfUsers();
		String status = "/eureka/apps/USERS/" + usersInstance + "/status?value=OUT_OF_SERVICE";
		assertThat(platform.send(registry(status, null).PUT(HttpRequest.BodyPublishers.noBody())).statusCode())
			.isEqualTo(401);
		assertThat(platform.send(registry(status, platform.registryPassword).PUT(HttpRequest.BodyPublishers.noBody()))
			.statusCode()).isEqualTo(403);
		assertThat(platform.send(platform.request("/api/users/.well-known/jwks.json").GET()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aServiceWithoutRegistryCredentialsStopsWithOneClearMessage() throws Exception {
		Process service = platform.start("users-service", "users-without-credentials",
				Map.of("REGISTRY_PASSWORD", "", "PORT", "0"));
		assertThat(service.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(service.exitValue()).isNotZero();
		assertThat(platform.logContains("users-without-credentials", "REGISTRY_PASSWORD is not set")).isTrue();
	}

	private static String instanceIdOfUsers() throws Exception {
		HttpResponse<String> app = platform
			.send(registry("/eureka/apps/USERS", platform.registryPassword).header("Accept", "application/json").GET());
		assertThat(app.statusCode()).isEqualTo(200);
		String body = app.body();
		int at = body.indexOf("\"instanceId\":\"") + 14;
		return body.substring(at, body.indexOf('"', at));
	}

	private static HttpRequest.Builder registry(String path, String password) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + platform.registryPort + path))
			.timeout(Duration.ofSeconds(10));
		if (password != null) {
			String credentials = "appgain:" + password;
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private static String registration(String email) {
		return "{\"email\": \"" + email + "\", \"password\": \"correct-horse-42\", \"name\": \"Ada\"}";
	}

	private static String login(String email, String password) {
		return "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}";
	}

}
