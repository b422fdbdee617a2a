package com.appgain.registry;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ReadsHeldAtStartFilter} over real HTTP. The requests before the window passes
 * must all be answered within it: on a loaded 2-core machine the first ones took 4.6 s
 * after the start, so the window is 10 s, not the 6 s default.
 *
 * @author AppGain
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "REGISTRY_USER=" + ReadsHeldAtStartTests.USER,
				"REGISTRY_PASSWORD=" + ReadsHeldAtStartTests.PASSWORD,
				"appgain.registry.serve-reads-after=" + ReadsHeldAtStartTests.WINDOW })
@ExtendWith(OutputCaptureExtension.class)
class ReadsHeldAtStartTests {

	static final String USER = "clients";

	static final String PASSWORD = "registry-test-secret";

	static final String WINDOW = "10s";

	private static final String INSTANCE = """
			{
				"instanceId": "%s",
				"app": "TEST",
				"hostName": "127.0.0.1",
				"ipAddr": "127.0.0.1",
				"vipAddress": "test",
				"secureVipAddress": "test",
				"status": "UP",
				"port": {"$": 8080, "@enabled": "true"},
				"dataCenterInfo": {
					"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
					"name": "MyOwn"
				}
			}""";

	private final RestClient http;

	private final RestClient anonymous;

	ReadsHeldAtStartTests(@LocalServerPort int port) {
		this.anonymous = client(port).build();
		this.http = client(port).defaultHeaders((headers) -> headers.setBasicAuth(USER, PASSWORD)).build();
	}

	private static RestClient.Builder client(int port) {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			});
	}

	@Test
	void aJustStartedRegistryAcceptsRegistrationsAndReplicationButServesReadsOnlyAfterTheWindow(CapturedOutput output) {
		ResponseEntity<String> held = get("/eureka/apps");
		assertThat(held.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(held.getHeaders().getContentLength()).isZero();
		assertThat(register("test-1")).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(heartbeat("test-1")).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> replicated = replicateRegistration("test-2");
		assertThat(replicated.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JsonPath.<Integer>read(replicated.getBody(), "$.responseList[0].statusCode")).isEqualTo(200);
		assertThat(get("/eureka/apps/delta").getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(this.anonymous.get().uri("/eureka/apps").retrieve().toBodilessEntity().getStatusCode())
			.as("without credentials")
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			ResponseEntity<String> apps = get("/eureka/apps");
			assertThat(apps.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(
					JsonPath.<List<String>>read(apps.getBody(), "$.applications.application[*].instance[*].instanceId"))
				.containsExactlyInAnyOrder("test-1", "test-2");
		});
		assertThat(get("/eureka/apps/delta").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(output.getAll().split("Serving reads of the registry from now", -1)).as("logged once").hasSize(2);
		assertThat(output).contains("after the start, with 2 instances registered");
	}

	private HttpStatusCode register(String id) {
		return this.http.post()
			.uri("/eureka/apps/TEST")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"instance\": " + INSTANCE.formatted(id) + "}")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode();
	}

	private HttpStatusCode heartbeat(String id) {
		return this.http.put()
			.uri("/eureka/apps/TEST/{id}?status=UP", id)
			.retrieve()
			.toBodilessEntity()
			.getStatusCode();
	}

	// as a peer sends it (PeerEurekaNode's batches)
	private ResponseEntity<String> replicateRegistration(String id) {
		String batch = """
				{"replicationList": [{"appName": "TEST", "id": "%s", "action": "Register", "instanceInfo": %s}]}
				""".formatted(id, INSTANCE.formatted(id));
		return this.http.post()
			.uri("/eureka/peerreplication/batch")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.header("x-netflix-discovery-replication", "true")
			.body(batch)
			.retrieve()
			.toEntity(String.class);
	}

	private ResponseEntity<String> get(String path) {
		return this.http.get().uri(path).accept(MediaType.APPLICATION_JSON).retrieve().toEntity(String.class);
	}

}
