package com.appgain.registry;

import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
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
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "REGISTRY_USER=" + RegistryApplicationTests.USER,
				"REGISTRY_PASSWORD=" + RegistryApplicationTests.PASSWORD, "appgain.registry.serve-reads-after=0s" })
class RegistryApplicationTests {

	static final String USER = "clients";

	static final String PASSWORD = "registry-test-secret";

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

	private final RestClient anonymous;

	private final RestClient management;

	RegistryApplicationTests(@LocalServerPort int port, @LocalManagementPort int managementPort) {
		this.anonymous = client(port).build();
		this.http = client(port).defaultHeaders((headers) -> headers.setBasicAuth(USER, PASSWORD)).build();
		this.management = client(managementPort).build();
	}

	private static RestClient.Builder client(int port) {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			});
	}

	@Test
	void registryAnswersWithItsApplicationsAsJson() {
		ResponseEntity<String> apps = get("/eureka/apps");

		assertThat(apps.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JsonPath.<Object>read(apps.getBody(), "$.applications")).isNotNull();
	}

	@Test
	void healthIsUpAndMetricsAreExposedForPrometheusOnTheManagementPort() {
		ResponseEntity<String> health = this.management.get()
			.uri("/actuator/health")
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> prometheus = this.management.get()
			.uri("/actuator/prometheus")
			.retrieve()
			.toEntity(String.class);

		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JsonPath.<String>read(health.getBody(), "$.status")).isEqualTo("UP");
		assertThat(prometheus.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(prometheus.getBody()).contains("jvm_memory_used_bytes");
		assertThat(this.management.get().uri("/livez").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.management.get().uri("/readyz").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void actuatorIsNotOnThePublicPort() {
		assertThat(get("/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void dashboardIsServedAtTheRootToAuthenticatedUsersOnly() {
		ResponseEntity<String> dashboard = this.http.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.retrieve()
			.toEntity(String.class);

		assertThat(dashboard.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(dashboard.getBody()).contains("Eureka").contains("Instances currently registered");
		assertThat(this.anonymous.get().uri("/").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anonymousClientsCannotReadRegisterOrChangeStatus() {
		assertThat(this.anonymous.get().uri("/eureka/apps").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(register(this.anonymous).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.anonymous.put()
			.uri("/eureka/apps/TEST/test-1/status?value=OUT_OF_SERVICE")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.get()
			.uri("/eureka/apps")
			.headers((headers) -> headers.setBasicAuth(USER, "wrong"))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void statusOverridesAreRefusedEvenToClients() {
		assertThat(register(this.http).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<Void> override = this.http.put()
			.uri("/eureka/apps/TEST/test-1/status?value=OUT_OF_SERVICE")
			.retrieve()
			.toBodilessEntity();
		ResponseEntity<Void> removal = this.http.delete()
			.uri("/eureka/apps/TEST/test-1/status?value=UP")
			.retrieve()
			.toBodilessEntity();

		assertThat(override.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(removal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(JsonPath.<String>read(get("/eureka/apps/TEST").getBody(), "$.application.instance[0].status"))
			.isEqualTo("UP");
		this.http.delete().uri("/eureka/apps/TEST/test-1").retrieve().toBodilessEntity();
	}

	@Test
	void registeredInstanceAppearsAndDisappearsWhenCancelled() {
		ResponseEntity<Void> registered = register(this.http);
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

	private ResponseEntity<Void> register(RestClient client) {
		return client.post()
			.uri("/eureka/apps/TEST")
			.contentType(MediaType.APPLICATION_JSON)
			.body(INSTANCE)
			.retrieve()
			.toBodilessEntity();
	}

	private ResponseEntity<String> get(String path) {
		return this.http.get().uri(path).accept(MediaType.APPLICATION_JSON).retrieve().toEntity(String.class);
	}

}
