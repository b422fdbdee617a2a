package com.appgain.common.test;

import java.time.Duration;

import org.springframework.test.web.reactive.server.WebTestClient;

/** The management port every service binds apart from its API, and the probes on it. */
public final class Management {

	private Management() {
	}

	/**
	 * Returns a client of the management port, patient enough for a loaded machine.
	 * @param port the port, e.g. from {@code @LocalManagementPort}
	 * @return the client
	 */
	public static WebTestClient client(int port) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * Returns what Prometheus scrapes from the service ({@code /actuator/prometheus}).
	 * @param port the management port
	 * @return the metrics in Prometheus's text format
	 */
	public static String scrape(int port) {
		// latency histograms make the scrape larger than the client's default buffer
		return client(port).mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Asserts that the service is ready ({@code /readyz} answers {@code UP}) and live.
	 * @param port the management port
	 */
	public static void expectReadyAndLive(int port) {
		WebTestClient management = client(port);
		management.get()
			.uri("/readyz")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		management.get().uri("/livez").exchange().expectStatus().isOk();
	}

}
