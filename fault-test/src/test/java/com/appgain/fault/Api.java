package com.appgain.fault;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The requests the fault tests send through the gateway. */
final class Api {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The first calls reach JVMs that are still cold; on a busy machine they take long.
	 */
	private static final Duration SETUP = Duration.ofSeconds(60);

	private final Deployment deployment;

	Api(Deployment deployment) {
		this.deployment = deployment;
	}

	/**
	 * Register an account and log in.
	 * @param email the account
	 * @return the login answer: {@code access_token} and {@code refresh_token}
	 */
	JsonNode registerAndLogin(String email) throws IOException, InterruptedException {
		String credentials = "{\"email\": \"" + email + "\", \"password\": \"fault-test-password\"";
		this.deployment.send(post("/api/users", credentials + ", \"name\": \"Fault\"}", null).timeout(SETUP));
		return login(email);
	}

	JsonNode login(String email) throws IOException, InterruptedException {
		HttpResponse<String> login = this.deployment.send(post("/api/users/auth/login",
				"{\"email\": \"" + email + "\", \"password\": \"fault-test-password\"}", null)
			.timeout(SETUP));
		if (login.statusCode() != 200) {
			throw new IllegalStateException("login answered " + login.statusCode() + ": " + login.body());
		}
		return body(login);
	}

	String createExample(String token) throws IOException, InterruptedException {
		HttpResponse<String> created = this.deployment.send(newExample(token).timeout(SETUP));
		if (created.statusCode() != 201) {
			throw new IllegalStateException("create answered " + created.statusCode() + ": " + created.body());
		}
		return body(created).path("example").path("id").asString();
	}

	HttpRequest.Builder newExample(String token) {
		return post("/api/examples",
				"{\"name\": \"Fault " + UUID.randomUUID() + "\", \"description\": \"written under a fault\"}", token);
	}

	HttpRequest.Builder get(String path, String token) {
		HttpRequest.Builder request = this.deployment.request(path).GET();
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	HttpRequest.Builder post(String path, String body, String token) {
		HttpRequest.Builder request = this.deployment.request(path)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	static JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	/** Whether a body is the suite's failure envelope for this status. */
	static boolean isFailureEnvelope(String body, int status) {
		try {
			JsonNode node = json.readTree(body);
			return "failed".equals(node.path("status").asString()) && node.path("status_code").asInt() == status
					&& !node.path("request_id").asString().isBlank();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
