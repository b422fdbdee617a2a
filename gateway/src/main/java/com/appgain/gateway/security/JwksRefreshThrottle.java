package com.appgain.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Answers a JWKS download with the previous document when that one is younger than the
 * minimum interval. Nimbus keeps the key set and downloads it again only for a token
 * whose {@code kid} it does not know; anyone can make such a token, and without this each
 * one would cost a request to users-service.
 */
class JwksRefreshThrottle implements ExchangeFilterFunction {

	private final Duration minInterval;

	private final Clock clock;

	private final AtomicReference<Download> last = new AtomicReference<>();

	JwksRefreshThrottle(Duration minInterval, Clock clock) {
		this.minInterval = minInterval;
		this.clock = clock;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Download previous = this.last.get();
		if (previous != null && previous.isYoungerThan(this.minInterval, this.clock.instant())) {
			return Mono.just(previous.toResponse());
		}
		return next.exchange(request).flatMap(this::remember);
	}

	private Mono<ClientResponse> remember(ClientResponse response) {
		if (!response.statusCode().is2xxSuccessful()) {
			return Mono.just(response);
		}
		return response.bodyToMono(String.class).map((body) -> {
			Download download = new Download(body, this.clock.instant());
			this.last.set(download);
			return download.toResponse();
		});
	}

	private record Download(String body, Instant at) {

		boolean isYoungerThan(Duration age, Instant now) {
			return this.at.plus(age).isAfter(now);
		}

		ClientResponse toResponse() {
			return ClientResponse.create(HttpStatus.OK)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.body(this.body)
				.build();
		}

	}

}
