package com.appgain.devstack.stripe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Delivers events to one webhook endpoint the way Stripe does: a POST of the event with a
 * {@code Stripe-Signature} header, after the API call that caused it has answered,
 * retried with growing pauses until the endpoint answers 2xx (here at most
 * {@value #ATTEMPTS} attempts, a few seconds in all, not Stripe's three days).
 */
final class WebhookDelivery {

	private static final int ATTEMPTS = 5;

	private static final Duration FIRST_PAUSE = Duration.ofMillis(250);

	private final String secret;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	// one at a time, in order, as the events happened
	private final ExecutorService sender = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "fake-stripe-webhooks");
		thread.setDaemon(true);
		return thread;
	});

	private volatile URI endpoint;

	WebhookDelivery(String secret) {
		this.secret = secret;
	}

	void to(URI endpoint) {
		this.endpoint = endpoint;
	}

	void deliver(String event) {
		URI target = this.endpoint;
		if (target != null) {
			this.sender.execute(() -> send(target, event));
		}
	}

	void stop() {
		this.sender.shutdownNow();
	}

	private void send(URI target, String event) {
		Duration pause = FIRST_PAUSE;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			if (attempt(target, event)) {
				return;
			}
			try {
				Thread.sleep(pause.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			pause = pause.multipliedBy(2);
		}
		System.err.println("fake-stripe: gave up delivering an event to " + target);
	}

	private boolean attempt(URI target, String event) {
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json; charset=utf-8")
			.header("Stripe-Signature", FakeStripe.signature(event, Instant.now().getEpochSecond(), this.secret))
			.POST(HttpRequest.BodyPublishers.ofString(event))
			.build();
		try {
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return status >= 200 && status < 300;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

}
