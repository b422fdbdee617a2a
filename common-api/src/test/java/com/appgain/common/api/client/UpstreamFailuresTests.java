package com.appgain.common.api.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

import com.appgain.common.api.error.ErrorType;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamFailuresTests {

	@Test
	void refusedConnectionUnknownHostAndNoRouteAreUnavailable() {
		assertThat(UpstreamFailures.typeOf(new ConnectException("Connection refused")))
			.contains(ErrorType.SERVICE_UNAVAILABLE);
		assertThat(UpstreamFailures.typeOf(new UnknownHostException("users"))).contains(ErrorType.SERVICE_UNAVAILABLE);
		assertThat(UpstreamFailures.typeOf(new NoRouteToHostException())).contains(ErrorType.SERVICE_UNAVAILABLE);
	}

	@Test
	void openCircuitAndNoInstanceAreUnavailable() {
		assertThat(UpstreamFailures
			.typeOf(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"))))
			.contains(ErrorType.SERVICE_UNAVAILABLE);
		assertThat(UpstreamFailures.typeOf(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE)))
			.contains(ErrorType.SERVICE_UNAVAILABLE);
		assertThat(UpstreamFailures.typeOf(new Unavailable())).contains(ErrorType.SERVICE_UNAVAILABLE);
	}

	@Test
	void timeoutsAnywhereInTheCausesAreGatewayTimeouts() {
		assertThat(UpstreamFailures.typeOf(new TimeoutException())).contains(ErrorType.GATEWAY_TIMEOUT);
		assertThat(UpstreamFailures.typeOf(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT)))
			.contains(ErrorType.GATEWAY_TIMEOUT);
		assertThat(UpstreamFailures.typeOf(beforeResponse(ReadTimeoutException.INSTANCE)))
			.contains(ErrorType.GATEWAY_TIMEOUT);
	}

	@Test
	void connectionClosedOrBrokenBeforeTheAnswerIsBadGateway() {
		assertThat(UpstreamFailures.typeOf(new IOException("Connection reset by peer")))
			.contains(ErrorType.BAD_GATEWAY);
		assertThat(UpstreamFailures.typeOf(AbortedException.beforeSend())).contains(ErrorType.BAD_GATEWAY);
		assertThat(UpstreamFailures.typeOf(beforeResponse(PrematureCloseException.TEST_EXCEPTION)))
			.contains(ErrorType.BAD_GATEWAY);
	}

	@Test
	void webClientFailuresAreNamedByTheirCause() {
		assertThat(UpstreamFailures.typeOf(beforeResponse(new ConnectException())))
			.contains(ErrorType.SERVICE_UNAVAILABLE);
		assertThat(UpstreamFailures.typeOf(beforeResponse(new IllegalStateException("Pending acquire queue is full"))))
			.contains(ErrorType.SERVICE_UNAVAILABLE);
	}

	@Test
	void otherFailuresAreNotUpstreamFailures() {
		assertThat(UpstreamFailures.typeOf(new IllegalStateException())).isEmpty();
		assertThat(UpstreamFailures.typeOf(new ResponseStatusException(HttpStatus.NOT_FOUND))).isEmpty();
	}

	@Test
	void messageNamesTheServiceAndWhatWentWrong() {
		assertThat(UpstreamFailures.of(ErrorType.SERVICE_UNAVAILABLE, "users", null))
			.hasMessage("The users service is unavailable");
		assertThat(UpstreamFailures.of(ErrorType.GATEWAY_TIMEOUT, "users", null))
			.hasMessage("The users service did not answer in time");
		assertThat(UpstreamFailures.of(ErrorType.BAD_GATEWAY, "users", null)).hasMessage("The users service failed");
	}

	@Test
	void causeIsKeptOnlyWhenGiven() {
		ConnectException refused = new ConnectException();
		assertThat(UpstreamFailures.of(ErrorType.SERVICE_UNAVAILABLE, "users", refused)).hasCause(refused);
		assertThat(UpstreamFailures.of(ErrorType.SERVICE_UNAVAILABLE, "users", null)).hasNoCause();
	}

	private static WebClientRequestException beforeResponse(Throwable cause) {
		return new WebClientRequestException(cause, HttpMethod.GET, URI.create("http://users/api/users/1"),
				new HttpHeaders());
	}

	// like the gateway's ServiceUnavailableException, which common-api cannot see
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	private static final class Unavailable extends Exception {

	}

}
