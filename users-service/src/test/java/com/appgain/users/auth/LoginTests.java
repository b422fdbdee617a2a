package com.appgain.users.auth;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import com.appgain.users.IntegrationTests;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class LoginTests extends IntegrationTests {

	@Test
	void loginReturnsATokenPairAndTheUser() {
		String email = uniqueEmail();
		Map<String, Object> user = register(email);
		loginRequest(email, PASSWORD).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("success")
			.jsonPath("$.token_type")
			.isEqualTo("Bearer")
			.jsonPath("$.expires_in")
			.isEqualTo(900)
			.jsonPath("$.access_token")
			.isNotEmpty()
			.jsonPath("$.refresh_token")
			.value((token) -> assertThat((String) token).matches("[A-Za-z0-9_-]{43}"))
			.jsonPath("$.user.id")
			.isEqualTo(user.get("id"))
			.jsonPath("$.user.password_hash")
			.doesNotExist();
	}

	@Test
	void theAccessTokenCarriesTheSuiteClaims() throws ParseException {
		String email = uniqueEmail();
		Map<String, Object> user = register(email);
		SignedJWT jwt = SignedJWT.parse(accessToken(login(email, PASSWORD)));
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("test-key");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("appgain-users");
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("appgain");
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(user.get("id"));
		assertThat(jwt.getJWTClaimsSet().getStringClaim("role")).isEqualTo("user");
		assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
		assertThat(jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime())
			.isEqualTo(900_000);
	}

	@Test
	void theAccessTokenOpensTheApi() {
		String email = uniqueEmail();
		register(email);
		me(accessToken(login(email, PASSWORD))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.user.email")
			.isEqualTo(email);
	}

	@Test
	void theEmailIsMatchedWhateverItsCaseAndSpaces() {
		String email = uniqueEmail();
		register(email);
		login(" " + email.toUpperCase() + " ", PASSWORD);
	}

	@Test
	void aWrongPasswordAndAnUnknownEmailFailAlike() {
		String email = uniqueEmail();
		register(email);
		Map<String, Object> wrongPassword = failure(loginRequest(email, "wrong password"), HttpStatus.UNAUTHORIZED,
				"unauthorized");
		Map<String, Object> unknownEmail = failure(loginRequest(uniqueEmail(), "wrong password"),
				HttpStatus.UNAUTHORIZED, "unauthorized");
		assertThat(wrongPassword).containsEntry("message", "Invalid email or password");
		wrongPassword.remove("request_id");
		unknownEmail.remove("request_id");
		assertThat(unknownEmail).isEqualTo(wrongPassword);
	}

	@Test
	void repeatedFailuresForOneAccountAreThrottled() {
		String email = uniqueEmail();
		register(email);
		for (int i = 0; i < 3; i++) {
			expectError(loginRequest(email, "wrong password"), HttpStatus.UNAUTHORIZED, "unauthorized");
			clientFromItsOwnAddress();
		}
		expectError(loginRequest(email, PASSWORD).expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 901L)),
				HttpStatus.TOO_MANY_REQUESTS, "too_many_requests");
	}

	@Test
	void repeatedFailuresFromOneAddressAreThrottled() {
		String email = uniqueEmail();
		register(email);
		for (int i = 0; i < 5; i++) {
			expectError(loginRequest(uniqueEmail(), "wrong password"), HttpStatus.UNAUTHORIZED, "unauthorized");
		}
		expectError(loginRequest(email, PASSWORD), HttpStatus.TOO_MANY_REQUESTS, "too_many_requests");
	}

	@Test
	void anotherAddressBehindTheSameProxyIsNotThrottled() {
		for (int i = 0; i < 5; i++) {
			expectError(loginRequest(uniqueEmail(), "wrong password"), HttpStatus.UNAUTHORIZED, "unauthorized");
		}
		String email = uniqueEmail();
		register(email);
		clientFromItsOwnAddress();
		login(email, PASSWORD);
	}

	@Test
	void aSuccessfulLoginForgetsTheAccountsFailures() {
		String email = uniqueEmail();
		register(email);
		for (int round = 0; round < 2; round++) {
			clientFromItsOwnAddress();
			expectError(loginRequest(email, "wrong password"), HttpStatus.UNAUTHORIZED, "unauthorized");
			expectError(loginRequest(email, "wrong password"), HttpStatus.UNAUTHORIZED, "unauthorized");
			login(email, PASSWORD);
		}
	}

	@Test
	void aDisabledUserCannotLogIn() {
		String email = uniqueEmail();
		String id = (String) register(email).get("id");
		this.client.put()
			.uri("/api/users/{id}/status", id)
			.headers((headers) -> headers.setBearerAuth(adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "disabled"))
			.exchange()
			.expectStatus()
			.isOk();
		expectError(loginRequest(email, PASSWORD), HttpStatus.FORBIDDEN, "forbidden");
		expectError(loginRequest(email, "wrong password"), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void aLoginWithoutAPasswordIsABadRequest() {
		expectError(this.client.post()
			.uri("/api/users/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", uniqueEmail()))
			.exchange(), HttpStatus.BAD_REQUEST, "bad_request");
	}

}
