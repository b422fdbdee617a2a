package com.appgain.gateway.routing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The instances of one service, from discovery, cached, without the one a retried request
 * just failed on and those that recently did not answer
 * ({@link OtherThanLastTriedInstance}). Loaded into each service's load balancer context,
 * so not a {@code @Configuration} of the gateway's.
 */
class LoadBalancerPerService {

	@Bean
	ServiceInstanceListSupplier otherThanLastTriedInstanceSupplier(ConfigurableApplicationContext context) {
		return ServiceInstanceListSupplier.builder()
			.withDiscoveryClient()
			.withCaching()
			.with((ignored, delegate) -> new OtherThanLastTriedInstance(delegate,
					context.getBeanProvider(UnansweringInstances.class).getIfAvailable()))
			.build(context);
	}

}
