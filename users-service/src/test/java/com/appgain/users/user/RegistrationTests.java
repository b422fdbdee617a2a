package com.appgain.users.user;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import com.appgain.common.test.Envelopes;
import com.appgain.users.IntegrationTests;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTests extends IntegrationTests {

	@Test
	void registeringReturnsTheNewUserWithoutItsPassword() {
		String email = uniqueEmail();
		this.client.post()
			.uri("/api/users")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "  " + email.toUpperCase() + " ", "password", PASSWORD, "name", " Ada "))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("success")
			.jsonPath("$.message")
			.isEqualTo("User registered successfully")
			.jsonPath("$.user.id")
			.value((id) -> assertThat((String) id).matches("[0-9a-f]{24}"))
			.jsonPath("$.user.email")
			.isEqualTo(email)
			.jsonPath("$.user.name")
			.isEqualTo("Ada")
			.jsonPath("$.user.role")
			.isEqualTo("user")
			.jsonPath("$.user.status")
			.isEqualTo("active")
			.jsonPath("$.user.created_at")
			.value((at) -> assertThat((String) at).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"))
			.jsonPath("$.user.updated_at")
			.isNotEmpty()
			.jsonPath("$.user.password")
			.doesNotExist()
			.jsonPath("$.user.password_hash")
			.doesNotExist();
	}

	@Test
	void registeringATakenEmailIsAConflictWhateverItsCase() {
		String email = uniqueEmail();
		register(email);
		expectError(registration(Map.of("email", email.toUpperCase(), "password", PASSWORD, "name", "Twin")),
				HttpStatus.CONFLICT, "conflict");
	}

	@Test
	void concurrentRegistrationsOfOneEmailCreateOneUser() {
		String email = uniqueEmail();
		WebClient webClient = WebClient.create(baseUrl());
		List<HttpStatusCode> statuses = Flux.range(0, 4)
			.flatMap((i) -> webClient.post()
				.uri("/api/users")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("email", email, "password", PASSWORD, "name", "Racer " + i))
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode())))
			.collectList()
			.block();
		assertThat(statuses).containsOnlyOnce(HttpStatus.CREATED);
		assertThat(statuses).filteredOn((status) -> status != HttpStatus.CREATED)
			.containsOnly(HttpStatus.CONFLICT)
			.hasSize(3);
	}

	@Test
	void aPasswordShorterThanEightCharactersIsRefused() {
		expectError(registration(Map.of("email", uniqueEmail(), "password", "1234567", "name", "Short")),
				HttpStatus.BAD_REQUEST, "bad_request");
	}

	@Test
	void aPasswordLongerThan128CharactersIsRefused() {
		expectError(registration(Map.of("email", uniqueEmail(), "password", "x".repeat(129), "name", "Long")),
				HttpStatus.BAD_REQUEST, "bad_request");
	}

	@Test
	void aPasswordOf128CharactersIsAccepted() {
		registration(Map.of("email", uniqueEmail(), "password", "é".repeat(128), "name", "Long")).expectStatus()
			.isCreated();
	}

	@Test
	void anUnknownFieldIsRefusedWithItsPath() {
		Envelopes
			.expectFailure(
					registration(Map.of("email", uniqueEmail(), "password", PASSWORD, "name", "Eve", "role", "admin")),
					400, "bad_request")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).contains("role"));
	}

	@Test
	void anOperatorKeyNeverReachesTheDatabase() {
		expectError(registration(Map.of("email", Map.of("$ne", ""), "password", PASSWORD, "name", "Eve")),
				HttpStatus.BAD_REQUEST, "bad_request");
		expectError(
				registration(
						Map.of("email", uniqueEmail(), "password", PASSWORD, "name", "Eve", "$where", "sleep(1000)")),
				HttpStatus.BAD_REQUEST, "bad_request");
	}

	@Test
	void anInvalidEmailIsRefused() {
		expectError(registration(Map.of("email", "not-an-email", "password", PASSWORD, "name", "Eve")),
				HttpStatus.BAD_REQUEST, "bad_request");
	}

	@Test
	void aMegabyteOfHostileEmailIsRefusedQuickly() {
		String hostile = "a@" + ".".repeat(1_000_000) + "@";
		long started = System.nanoTime();
		expectError(registration(Map.of("email", hostile, "password", PASSWORD, "name", "Eve")), HttpStatus.BAD_REQUEST,
				"bad_request");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		// the service's threads are free: a normal registration still goes through
		register(uniqueEmail());
	}

	@Test
	void aMissingFieldIsRefused() {
		expectError(registration(Map.of("email", uniqueEmail(), "password", PASSWORD)), HttpStatus.BAD_REQUEST,
				"bad_request");
	}

	@Test
	void malformedJsonIsRefused() {
		Envelopes
			.expectFailure(this.client.post()
				.uri("/api/users")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"email\": ")
				.exchange(), 400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Malformed JSON request body");
	}

	@Test
	void aBodyThatIsNotJsonIsUnsupported() {
		expectError(this.client.post()
			.uri("/api/users")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("email=a@b.c")
			.exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
	}

	private WebTestClient.ResponseSpec registration(Map<String, Object> body) {
		return this.client.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
