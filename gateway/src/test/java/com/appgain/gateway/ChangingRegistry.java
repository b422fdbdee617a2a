package com.appgain.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;

/**
 * A registry whose services a test changes, read as the registry client's local copy.
 */
public final class ChangingRegistry implements ReactiveDiscoveryClient {

	private final Map<String, List<ServiceInstance>> services = new ConcurrentHashMap<>();

	public ChangingRegistry put(String service, ServiceInstance... instances) {
		this.services.put(service, List.of(instances));
		return this;
	}

	public void remove(String service) {
		this.services.remove(service);
	}

	@Override
	public String description() {
		return "a registry the test changes";
	}

	@Override
	public Flux<ServiceInstance> getInstances(String serviceId) {
		return Flux.fromIterable(this.services.getOrDefault(serviceId, List.of()));
	}

	@Override
	public Flux<String> getServices() {
		return Flux.fromIterable(List.copyOf(this.services.keySet()));
	}

}
