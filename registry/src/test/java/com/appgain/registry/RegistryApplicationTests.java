package com.appgain.registry;

import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RegistryApplication} over real HTTP.
 *
 * @author AppGain
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RegistryApplicationTests {

	private static final String INSTANCE = """
			{"instance": {
				"instanceId": "test-1",
				"app": "TEST",
				"hostName": "127.0.0.1",
				"ipAddr": "127.0.0.1",
				"vipAddress": "test",
				"status": "UP",
				"port": {"$": 8080, "@enabled": "true"},
				"dataCenterInfo": {
					"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
					"name": "MyOwn"
				}
			}}
			""";

	private final RestClient http;

	RegistryApplicationTests(@LocalServerPort int port) {
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void registryAnswersWithItsApplicationsAsJson() {
		ResponseEntity<String> apps = get("/eureka/apps");

		assertThat(apps.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JsonPath.<Object>read(apps.getBody(), "$.applications")).isNotNull();
	}

	@Test
	void healthIsUpAndMetricsAreExposedForPrometheus() {
		ResponseEntity<String> health = get("/actuator/health");
		ResponseEntity<String> prometheus = this.http.get()
			.uri("/actuator/prometheus")
			.retrieve()
			.toEntity(String.class);

		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JsonPath.<String>read(health.getBody(), "$.status")).isEqualTo("UP");
		assertThat(prometheus.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(prometheus.getBody()).contains("jvm_memory_used_bytes");
	}

	@Test
	void dashboardIsServedAtTheRoot() {
		ResponseEntity<String> dashboard = this.http.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.retrieve()
			.toEntity(String.class);

		assertThat(dashboard.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(dashboard.getBody()).contains("Eureka").contains("Instances currently registered");
	}

	@Test
	void registeredInstanceAppearsAndDisappearsWhenCancelled() {
		ResponseEntity<Void> registered = this.http.post()
			.uri("/eureka/apps/TEST")
			.contentType(MediaType.APPLICATION_JSON)
			.body(INSTANCE)
			.retrieve()
			.toBodilessEntity();
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			ResponseEntity<String> app = get("/eureka/apps/TEST");
			assertThat(app.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(JsonPath.<String>read(app.getBody(), "$.application.instance[0].instanceId"))
				.isEqualTo("test-1");
			assertThat(JsonPath.<String>read(app.getBody(), "$.application.instance[0].status")).isEqualTo("UP");
		});

		ResponseEntity<Void> cancelled = this.http.delete()
			.uri("/eureka/apps/TEST/test-1")
			.retrieve()
			.toBodilessEntity();
		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(get("/eureka/apps/TEST").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	private ResponseEntity<String> get(String path) {
		return this.http.get().uri(path).accept(MediaType.APPLICATION_JSON).retrieve().toEntity(String.class);
	}

}
