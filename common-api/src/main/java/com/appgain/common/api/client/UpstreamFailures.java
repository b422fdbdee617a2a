package com.appgain.common.api.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.netty.channel.AbortedException;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Names a failed call to another service, the same way for a service's
 * {@link ServiceClients} and for the gateway's routes: nothing could be connected (no
 * instance, connection refused, unknown host, open circuit) is a 503, no answer in time a
 * 504, a connection that broke or closed before the answer a 502.
 */
public final class UpstreamFailures {

	private UpstreamFailures() {
	}

	/**
	 * The error type {@code ex} stands for, or empty when it is not a failure to reach or
	 * hear from another service.
	 */
	public static Optional<ErrorType> typeOf(Throwable ex) {
		// WebClient wraps whatever failed before a response arrived
		Throwable failure = (ex instanceof WebClientRequestException && ex.getCause() != null) ? ex.getCause() : ex;
		if (isTimeout(ex)) {
			return Optional.of(ErrorType.GATEWAY_TIMEOUT);
		}
		if (isUnavailable(failure)) {
			return Optional.of(ErrorType.SERVICE_UNAVAILABLE);
		}
		if (isBroken(failure)) {
			return Optional.of(ErrorType.BAD_GATEWAY);
		}
		// WebClient could not make the request for another reason (e.g. too many
		// requests already waiting for a connection)
		return (ex instanceof WebClientRequestException) ? Optional.of(ErrorType.SERVICE_UNAVAILABLE)
				: Optional.empty();
	}

	/**
	 * The envelope's exception for a call to {@code service} that failed as {@code type}.
	 */
	public static ApiException of(ErrorType type, String service, Throwable cause) {
		return new ApiException(type, "The " + service + " service " + outcome(type), List.of(), null, cause);
	}

	private static String outcome(ErrorType type) {
		return switch (type) {
			case GATEWAY_TIMEOUT -> "did not answer in time";
			case SERVICE_UNAVAILABLE -> "is unavailable";
			default -> "failed";
		};
	}

	// Anywhere in the causes: a timeout arrives wrapped by the client that noticed it.
	private static boolean isTimeout(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (statusOf(current) == 504 || current instanceof TimeoutException
					|| current instanceof io.netty.handler.timeout.TimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static boolean isUnavailable(Throwable ex) {
		return statusOf(ex) == 503 || ex instanceof ConnectException || ex instanceof NoRouteToHostException
				|| ex instanceof UnknownHostException || ex instanceof CallNotPermittedException;
	}

	// AbortedException: the connection closed before the request went out.
	private static boolean isBroken(Throwable ex) {
		return ex instanceof IOException || ex instanceof AbortedException;
	}

	// A status exception, or one annotated like the gateway's
	// ServiceUnavailableException.
	private static int statusOf(Throwable ex) {
		if (ex instanceof ResponseStatusException status) {
			return status.getStatusCode().value();
		}
		ResponseStatus annotation = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
		return (annotation != null) ? annotation.code().value() : 0;
	}

}
