package com.appgain.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamErrorsFilterTests {

	@Test
	void knownServiceWithoutInstancesIsUnavailable() {
		assertThat(type(NotFoundException.create(false, "Unable to find instance for examples")))
			.isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
	}

	@Test
	void refusedConnectionIsUnavailable() {
		assertThat(type(new ConnectException("Connection refused"))).isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
	}

	@Test
	void openCircuitIsUnavailable() {
		assertThat(type(new ServiceUnavailableException())).isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
		assertThat(type(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"))))
			.isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
	}

	@Test
	void responseTimeoutIsAGatewayTimeout() {
		assertThat(type(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout")))
			.isEqualTo(ErrorType.GATEWAY_TIMEOUT);
		assertThat(type(new TimeoutException())).isEqualTo(ErrorType.GATEWAY_TIMEOUT);
	}

	@Test
	void brokenConnectionIsABadGateway() {
		assertThat(type(new IOException("Connection reset by peer"))).isEqualTo(ErrorType.BAD_GATEWAY);
	}

	@Test
	void messageNamesTheServiceOfTheRoute() {
		assertThat(failureOf(new ConnectException())).hasMessage("The examples service is unavailable");
	}

	@Test
	void otherFailuresAreLeftToTheErrorHandler() {
		IllegalStateException bug = new IllegalStateException();
		assertThat(failureOf(bug)).isSameAs(bug);
	}

	private static ErrorType type(Throwable upstreamFailure) {
		return ((ApiException) failureOf(upstreamFailure)).type();
	}

	private static Throwable failureOf(Throwable upstreamFailure) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/examples/1"));
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR,
					Route.async().id("api_examples").uri("lb://examples").predicate((any) -> true).build());
		AtomicReference<Throwable> failure = new AtomicReference<>();
		StepVerifier.create(new UpstreamErrorsFilter().filter(exchange, (routed) -> Mono.error(upstreamFailure)))
			.expectErrorSatisfies(failure::set)
			.verify();
		return failure.get();
	}

}
