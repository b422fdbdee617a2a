package com.appgain.gateway.docs;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.appgain.gateway.GatewayTestSupport;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class DocsTests extends GatewayTestSupport {

	// a loaded machine makes the first request of a fresh context slow
	@BeforeEach
	void patientClient() {
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void theConfigListsTheDescriptionsServicesDeclareInTheRegistryWithoutAToken() {
		this.client.get().uri("/docs/swagger-config").exchange().expectStatus().isOk().expectBody().json("""
				{"urls": [{"name": "examples", "url": "/api/examples/openapi"},
				          {"name": "users", "url": "/api/users/openapi"}]}""", true);
	}

	@Test
	void thePortalPageLoadsSwaggerUiFromTheGateway() {
		String page = this.client.get()
			.uri("/docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(page).contains("/docs/swagger-ui-bundle.js", "/docs/portal.js");
		for (String file : new String[] { "/docs/swagger-ui-bundle.js", "/docs/swagger-ui-standalone-preset.js",
				"/docs/swagger-ui.css", "/docs/portal.js" }) {
			this.client.get().uri(file).exchange().expectStatus().isOk();
		}
		this.client.get()
			.uri("/docs/portal.js")
			.exchange()
			.expectBody(String.class)
			.value((script) -> assertThat(script).contains("configUrl: '/docs/swagger-config'"));
	}

	@Test
	void nothingElseOfTheWebjarIsServed() {
		this.client.get().uri("/docs/index.html").exchange().expectStatus().isNotFound();
		this.client.get().uri("/docs/swagger-initializer.js").exchange().expectStatus().isNotFound();
	}

}
