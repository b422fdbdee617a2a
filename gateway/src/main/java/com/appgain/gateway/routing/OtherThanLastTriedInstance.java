package com.appgain.gateway.routing;

import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * Leaves out the instance a retried request already failed on while another one is
 * listed, and then, among those left, the ones that recently did not answer at all
 * ({@link UnansweringInstances}) while one that did is left. The gateway's Retry filter
 * chooses an instance again for each attempt, but round robin under concurrent load hands
 * a retry the dead instance about as often as not; a killed instance stays listed until
 * the registry evicts it.
 * <p>
 * The gateway passes the exchange's attributes to the load balancer, and after a failed
 * attempt they still hold the instance it was sent to.
 */
class OtherThanLastTriedInstance extends DelegatingServiceInstanceListSupplier {

	private final UnansweringInstances unanswering;

	OtherThanLastTriedInstance(ServiceInstanceListSupplier delegate, UnansweringInstances unanswering) {
		super(delegate);
		this.unanswering = unanswering;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return this.delegate.get().map(this::withoutUnanswering);
	}

	@Override
	public Flux<List<ServiceInstance>> get(Request request) {
		ServiceInstance tried = lastTried(request);
		Flux<List<ServiceInstance>> instances = this.delegate.get(request);
		// the tried one first: were the others all avoided, the retry would go back to it
		return ((tried != null) ? instances.map((listed) -> without(tried, listed)) : instances)
			.map(this::withoutUnanswering);
	}

	private List<ServiceInstance> withoutUnanswering(List<ServiceInstance> listed) {
		if (this.unanswering == null || listed.size() < 2) {
			return listed;
		}
		List<ServiceInstance> answering = listed.stream()
			.filter((instance) -> !this.unanswering.isAvoided(instance))
			.toList();
		return answering.isEmpty() ? listed : answering;
	}

	private static ServiceInstance lastTried(Request<?> request) {
		if (!(request.getContext() instanceof RequestDataContext context) || context.getClientRequest() == null
				|| context.getClientRequest().getAttributes() == null) {
			return null;
		}
		Object chosen = context.getClientRequest()
			.getAttributes()
			.get(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
		return (chosen instanceof Response<?> response && response.getServer() instanceof ServiceInstance instance)
				? instance : null;
	}

	private static List<ServiceInstance> without(ServiceInstance tried, List<ServiceInstance> listed) {
		List<ServiceInstance> others = listed.stream().filter((instance) -> !sameAddress(instance, tried)).toList();
		return others.isEmpty() ? listed : others;
	}

	private static boolean sameAddress(ServiceInstance one, ServiceInstance other) {
		return Objects.equals(one.getHost(), other.getHost()) && one.getPort() == other.getPort();
	}

}
