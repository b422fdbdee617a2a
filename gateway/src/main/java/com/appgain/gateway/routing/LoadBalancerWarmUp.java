package com.appgain.gateway.routing;

import java.net.URI;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Builds the load balancer of every routed service as soon as its route exists. Spring
 * Cloud LoadBalancer would otherwise build it, an application context of its own, on the
 * service's first request, blocking an event loop while it loads classes.
 */
@Component
class LoadBalancerWarmUp implements ApplicationListener<RefreshRoutesResultEvent> {

	private final LoadBalancerClientFactory loadBalancers;

	LoadBalancerWarmUp(LoadBalancerClientFactory loadBalancers) {
		this.loadBalancers = loadBalancers;
	}

	@Override
	public void onApplicationEvent(RefreshRoutesResultEvent event) {
		if (!event.isSuccess() || !(event.getSource() instanceof RouteLocator routes)) {
			return;
		}
		Mono<Void> warmUp = routes.getRoutes()
			.map(Route::getUri)
			.filter((uri) -> "lb".equals(uri.getScheme()))
			.map(URI::getHost)
			.distinct()
			.doOnNext(this.loadBalancers::getInstance)
			.then();
		(Schedulers.isInNonBlockingThread() ? warmUp.subscribeOn(Schedulers.boundedElastic()) : warmUp).subscribe();
	}

}
