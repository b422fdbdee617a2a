package com.appgain.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instances a retry may go to: never the one it failed on while another is listed,
 * and among the others those that recently answered.
 */
class OtherThanLastTriedInstanceTests {

	private final ServiceInstance one = instance("one", 8081);

	private final ServiceInstance two = instance("two", 8082);

	private final ServiceInstance three = instance("three", 8083);

	private final UnansweringInstances unanswering = new UnansweringInstances(new ApiGatewayProperties(
			new ApiGatewayProperties.RateLimit(50, 100, 1, Duration.ofMillis(100)), List.of(), Duration.ofMinutes(1),
			Duration.ofSeconds(2), List.of(), Duration.ofSeconds(3), Duration.ofSeconds(10)));

	// The fault test's case: "two" had refused connections while it restarted and is
	// still avoided when "one" dies; a read that failed on "one" must go to "two", not
	// back.
	@Test
	void aRetryGoesToAnotherInstanceEvenWhenEveryOtherIsAvoided() {
		didNotAnswer(this.two);
		assertThat(choices(this.one, this.one, this.two)).containsExactly(this.two);
	}

	@Test
	void aRetryPrefersAnInstanceThatAnswered() {
		didNotAnswer(this.two);
		assertThat(choices(this.one, this.one, this.two, this.three)).containsExactly(this.three);
	}

	@Test
	void aFirstAttemptLeavesOutAvoidedInstances() {
		didNotAnswer(this.two);
		assertThat(choices(null, this.one, this.two)).containsExactly(this.one);
	}

	@Test
	void theOnlyInstanceIsTriedAgain() {
		assertThat(choices(this.one, this.one)).containsExactly(this.one);
	}

	private List<ServiceInstance> choices(ServiceInstance tried, ServiceInstance... listed) {
		Map<String, Object> attributes = new HashMap<>();
		if (tried != null) {
			attributes.put(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR, new DefaultResponse(tried));
		}
		RequestData request = new RequestData(HttpMethod.GET, URI.create("http://examples/api/examples/1"),
				new HttpHeaders(), new LinkedMultiValueMap<>(), attributes);
		return new OtherThanLastTriedInstance(ServiceInstanceListSuppliers.from("examples", listed), this.unanswering)
			.get(new DefaultRequest<>(new RequestDataContext(request)))
			.blockFirst();
	}

	private void didNotAnswer(ServiceInstance instance) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/examples/1").build());
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR, new DefaultResponse(instance));
		this.unanswering.filter(exchange, (ignored) -> Mono.error(new ConnectException("Connection refused")))
			.onErrorComplete()
			.block();
		assertThat(this.unanswering.isAvoided(instance)).isTrue();
	}

	private static ServiceInstance instance(String host, int port) {
		return new DefaultServiceInstance("examples-" + host, "examples", host, port, false);
	}

}
