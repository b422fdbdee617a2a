package com.appgain.common.api.client;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;
import com.appgain.common.api.web.RequestIdFilter;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds {@link WebClient}s for calls to other services by name ({@code lb://users}): the
 * caller's bearer token and request id are relayed, calls have connect and response
 * timeouts and a circuit breaker per callee, and the callee's error envelope comes back
 * as the matching {@link ApiException}.
 */
public class ServiceClients {

	private final ExchangeFilterFunction loadBalancer;

	private final ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers;

	private final ReactiveCircuitBreakerFactory<?, ?> circuitBreakers;

	private final ServiceClientProperties properties;

	public ServiceClients(ExchangeFilterFunction loadBalancer,
			ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers,
			ReactiveCircuitBreakerFactory<?, ?> circuitBreakers, ServiceClientProperties properties) {
		this.loadBalancer = loadBalancer;
		this.loadBalancers = loadBalancers;
		this.circuitBreakers = circuitBreakers;
		this.properties = properties;
	}

	/** A client for {@code service}, resolved through the registry. */
	public WebClient create(String service) {
		// The load balancer of a service is a child context created on first use: create
		// it now rather than on an event-loop thread during the first call.
		this.loadBalancers.getInstance(service);
		return builder(service, "http://" + service).filter(this.loadBalancer).build();
	}

	/** A client for {@code service} at a fixed URL (no registry). */
	public WebClient create(String service, String baseUrl) {
		return builder(service, baseUrl).build();
	}

	private WebClient.Builder builder(String service, String baseUrl) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) this.properties.connectTimeout().toMillis())
			.responseTimeout(this.properties.responseTimeout());
		ReactiveCircuitBreaker breaker = this.circuitBreakers.create(service);
		return WebClient.builder()
			.baseUrl(baseUrl)
			.clientConnector(new ReactorClientHttpConnector(http))
			.filter(errorEnvelopes(service, breaker))
			.filter(relayCaller());
	}

	private static ExchangeFilterFunction relayCaller() {
		return (request, next) -> Mono.deferContextual((context) -> {
			ClientRequest.Builder relayed = ClientRequest.from(request);
			context.<String>getOrEmpty(RequestIdFilter.CONTEXT_KEY)
				.ifPresent((id) -> relayed.header(RequestIdFilter.HEADER, id));
			return ReactiveSecurityContextHolder.getContext()
				.mapNotNull((security) -> security.getAuthentication())
				.filter(AbstractOAuth2TokenAuthenticationToken.class::isInstance)
				.map((auth) -> ((AbstractOAuth2TokenAuthenticationToken<?>) auth).getToken().getTokenValue())
				.map((token) -> relayed.headers((headers) -> headers.setBearerAuth(token)))
				.defaultIfEmpty(relayed)
				.flatMap((builder) -> next.exchange(builder.build()));
		});
	}

	private static ExchangeFilterFunction errorEnvelopes(String service, ReactiveCircuitBreaker breaker) {
		return (request, next) -> breaker.run(exchangeCountingServerErrors(request, next), Mono::error)
			.onErrorMap((ex) -> !(ex instanceof ApiException), (ex) -> failure(service, ex))
			.flatMap((response) -> response.statusCode().isError() ? toApiException(response) : Mono.just(response));
	}

	// 5xx answers count as failures for the breaker; 4xx are the caller's problem.
	private static Mono<ClientResponse> exchangeCountingServerErrors(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request)
			.flatMap((response) -> response.statusCode().is5xxServerError() ? toApiException(response)
					: Mono.just(response));
	}

	private static Mono<ClientResponse> toApiException(ClientResponse response) {
		ErrorType type = ErrorType.of(response.statusCode().value());
		return response.bodyToMono(JsonNode.class)
			.map((body) -> body.path("message").asString(type.defaultMessage()))
			.onErrorReturn(type.defaultMessage())
			.defaultIfEmpty(type.defaultMessage())
			.flatMap((message) -> Mono.error(new ApiException(type, message)));
	}

	// A failure no other service would name (not timeout, unreachable nor broken) is
	// still the callee's, not this service's.
	private static ApiException failure(String service, Throwable ex) {
		return UpstreamFailures.of(UpstreamFailures.typeOf(ex).orElse(ErrorType.BAD_GATEWAY), service, ex);
	}

}
