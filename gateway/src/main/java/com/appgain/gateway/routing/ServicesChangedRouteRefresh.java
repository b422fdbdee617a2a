package com.appgain.gateway.routing;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.cloud.client.discovery.event.InstanceRegisteredEvent;
import org.springframework.cloud.client.discovery.event.ParentHeartbeatEvent;
import org.springframework.cloud.context.scope.refresh.RefreshScopeRefreshedEvent;
import org.springframework.cloud.gateway.event.RefreshRoutesEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the routes when the set of registered services changes. Spring Cloud Gateway's
 * own listener (turned off in application.yml) rebuilds them at every registry fetch,
 * since each fetch's heartbeat carries a new count: 10-15 ms of CPU each time, for
 * nothing, as a discovered route depends on its service id alone (the locator's
 * predicate, filters and include-expression read nothing else) and the load balancer
 * reads the instances itself.
 */
@Component
class ServicesChangedRouteRefresh implements ApplicationListener<ApplicationEvent> {

	private final ApplicationEventPublisher publisher;

	private final ReactiveDiscoveryClient discovery;

	private final AtomicReference<Set<String>> services = new AtomicReference<>();

	ServicesChangedRouteRefresh(ApplicationEventPublisher publisher, ReactiveDiscoveryClient discovery) {
		this.publisher = publisher;
		this.discovery = discovery;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ContextRefreshedEvent refreshed) {
			if (isGatewayContext(refreshed.getApplicationContext())) {
				refresh();
			}
		}
		else if (event instanceof RefreshScopeRefreshedEvent || event instanceof InstanceRegisteredEvent) {
			refresh();
		}
		else if (event instanceof HeartbeatEvent || event instanceof ParentHeartbeatEvent) {
			this.discovery.getServices()
				.collect(Collectors.toUnmodifiableSet())
				.filter((current) -> !current.equals(this.services.getAndSet(current)))
				.subscribe((changed) -> refresh());
		}
	}

	// as Spring Cloud Gateway's listener: not the management server's context, nor a
	// service's load balancer context
	private static boolean isGatewayContext(ApplicationContext context) {
		String name = context.getDisplayName();
		return !WebServerApplicationContext.hasServerNamespace(context, "management")
				&& (name == null || !name.startsWith("LoadBalancerClientFactory-"));
	}

	private void refresh() {
		this.publisher.publishEvent(new RefreshRoutesEvent(this));
	}

}
