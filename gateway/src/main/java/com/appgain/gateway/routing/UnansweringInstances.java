package com.appgain.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The instances that recently did not answer at all: a connect that failed or timed out,
 * a connection the kernel closed because the other host went silent, or no response
 * within the response timeout. The load balancer leaves them out for a while when another
 * instance is listed ({@link OtherThanLastTriedInstance}), so that an instance whose host
 * went silent stops taking requests of every method after its first failure, not only
 * once the registry has evicted it (about 15 s). A slow or failing answer does not count:
 * only silence does.
 */
@Component
class UnansweringInstances implements GlobalFilter, Ordered {

	private final long avoidForNanos;

	// service@host:port -> System.nanoTime() until which it is avoided
	private final Map<String, Long> avoided = new ConcurrentHashMap<>();

	UnansweringInstances(ApiGatewayProperties gateway) {
		Duration avoidFor = gateway.avoidUnansweringInstanceFor();
		this.avoidForNanos = (avoidFor != null) ? avoidFor.toNanos() : 0;
	}

	@Override
	public int getOrder() {
		// each attempt, once its instance is chosen
		return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (this.avoidForNanos <= 0) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange).doOnError(UnansweringInstances::isSilence, (ex) -> remember(exchange));
	}

	/** Whether the instance did not answer recently and is still to be avoided. */
	boolean isAvoided(ServiceInstance instance) {
		Long until = this.avoided.get(key(instance));
		if (until == null) {
			return false;
		}
		if (until - System.nanoTime() > 0) {
			return true;
		}
		this.avoided.remove(key(instance), until);
		return false;
	}

	private void remember(ServerWebExchange exchange) {
		Object chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
		if (chosen instanceof Response<?> response && response.getServer() instanceof ServiceInstance instance) {
			this.avoided.put(key(instance), System.nanoTime() + this.avoidForNanos);
		}
	}

	static boolean isSilence(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
					|| cause instanceof TimeoutException || isConnectionTimedOut(cause)) {
				return true;
			}
		}
		return false;
	}

	// ETIMEDOUT: the kernel closed a connection the other host stopped acknowledging
	// (SilentConnectionDetection)
	private static boolean isConnectionTimedOut(Throwable ex) {
		return ex instanceof IOException && ex.getMessage() != null && ex.getMessage().contains("Connection timed out");
	}

	private static String key(ServiceInstance instance) {
		return instance.getServiceId() + "@" + instance.getHost() + ":" + instance.getPort();
	}

}
