package com.appgain.gateway.routing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.appgain.gateway.ChangingRegistry;

import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.cloud.client.discovery.event.InstanceRegisteredEvent;
import org.springframework.cloud.gateway.event.RefreshRoutesEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class ServicesChangedRouteRefreshTests {

	private final ChangingRegistry registry = new ChangingRegistry().put("users").put("examples");

	private final List<Object> published = new ArrayList<>();

	private final ServicesChangedRouteRefresh listener = new ServicesChangedRouteRefresh(this.published::add,
			this.registry);

	private long fetches;

	@Test
	void fetchesThatChangeNoServiceRebuildNoRoute() {
		fetch();
		this.published.clear();
		fetch();
		fetch();
		assertThat(this.published).isEmpty();
	}

	@Test
	void aServiceThatComesOrGoesRebuildsTheRoutesOnce() {
		fetch();
		this.published.clear();
		this.registry.put("payments");
		fetch();
		fetch();
		assertThat(this.published).hasSize(1).allMatch(RefreshRoutesEvent.class::isInstance);
		this.registry.remove("users");
		fetch();
		fetch();
		assertThat(this.published).hasSize(2);
	}

	@Test
	void theGatewaysContextAndItsOwnRegistrationRebuildTheRoutes() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			this.listener.onApplicationEvent(new ContextRefreshedEvent(context));
		}
		this.listener.onApplicationEvent(new InstanceRegisteredEvent<>(this, null));
		assertThat(this.published).hasSize(2).allMatch(RefreshRoutesEvent.class::isInstance);
	}

	@Test
	void aLoadBalancersContextRebuildsNoRoute() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.setDisplayName("LoadBalancerClientFactory-users");
			this.listener.onApplicationEvent(new ContextRefreshedEvent(context));
		}
		assertThat(this.published).isEmpty();
	}

	// what the registry client publishes after each fetch: a new count every time
	private void fetch() {
		this.listener.onApplicationEvent(new HeartbeatEvent(this, ++this.fetches));
	}

}
