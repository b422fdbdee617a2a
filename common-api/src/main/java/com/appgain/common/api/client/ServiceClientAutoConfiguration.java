package com.appgain.common.api.client;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.annotation.Bean;

/** {@link ServiceClients} for calls between services. */
@AutoConfiguration(afterName = {
		"org.springframework.cloud.client.loadbalancer.reactive.LoadBalancerBeanPostProcessorAutoConfiguration",
		"org.springframework.cloud.loadbalancer.config.LoadBalancerAutoConfiguration",
		"org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerClientAutoConfiguration",
		"org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JAutoConfiguration" })
@EnableConfigurationProperties(ServiceClientProperties.class)
public final class ServiceClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ ReactorLoadBalancerExchangeFilterFunction.class, ReactiveCircuitBreakerFactory.class })
	ServiceClients serviceClients(ReactorLoadBalancerExchangeFilterFunction loadBalancer,
			ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers,
			ReactiveCircuitBreakerFactory<?, ?> circuitBreakers, ServiceClientProperties properties) {
		return new ServiceClients(loadBalancer, loadBalancers, circuitBreakers, properties);
	}

}
