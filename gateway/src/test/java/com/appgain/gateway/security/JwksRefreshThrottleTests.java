package com.appgain.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import static org.assertj.core.api.Assertions.assertThat;

class JwksRefreshThrottleTests {

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private final ClientRequest request = ClientRequest.create(HttpMethod.GET, URI.create("http://users/jwks")).build();

	private final AtomicInteger downloads = new AtomicInteger();

	private final ExchangeFunction users = (request) -> Mono.fromSupplier(() -> ClientResponse.create(HttpStatus.OK)
		.body("{\"keys\":[],\"n\":" + this.downloads.incrementAndGet() + "}")
		.build());

	@Test
	void secondDownloadWithinTheIntervalGetsTheFirstDocument() {
		JwksRefreshThrottle throttle = new JwksRefreshThrottle(Duration.ofSeconds(10), at(START));
		expectBody(throttle, "{\"keys\":[],\"n\":1}");
		expectBody(throttle, "{\"keys\":[],\"n\":1}");
		assertThat(this.downloads).hasValue(1);
	}

	@Test
	void downloadAfterTheIntervalReachesTheService() {
		MovingClock clock = new MovingClock();
		JwksRefreshThrottle throttle = new JwksRefreshThrottle(Duration.ofSeconds(10), clock);
		expectBody(throttle, "{\"keys\":[],\"n\":1}");
		clock.now = START.plusSeconds(11);
		expectBody(throttle, "{\"keys\":[],\"n\":2}");
	}

	@Test
	void failedDownloadIsNotKept() {
		JwksRefreshThrottle throttle = new JwksRefreshThrottle(Duration.ofSeconds(10), at(START));
		ExchangeFunction failing = (request) -> Mono
			.just(ClientResponse.create(HttpStatus.SERVICE_UNAVAILABLE).build());
		StepVerifier.create(throttle.filter(this.request, failing))
			.assertNext((response) -> assertThat(response.statusCode().value()).isEqualTo(503))
			.verifyComplete();
		expectBody(throttle, "{\"keys\":[],\"n\":1}");
	}

	private void expectBody(JwksRefreshThrottle throttle, String body) {
		StepVerifier.create(throttle.filter(this.request, this.users).flatMap((r) -> r.bodyToMono(String.class)))
			.expectNext(body)
			.verifyComplete();
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	private static final class MovingClock extends Clock {

		private Instant now = START;

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
