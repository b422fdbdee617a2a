package com.appgain.common.api.client;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;

import com.appgain.common.api.OwnBean;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JAutoConfiguration;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerClientAutoConfiguration;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.cloud.loadbalancer.config.LoadBalancerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceClientAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServiceClientAutoConfiguration.class));

	private final ApplicationContextRunner withLoadBalancerAndBreakers = this.contexts
		.withConfiguration(AutoConfigurations.of(LoadBalancerAutoConfiguration.class,
				ReactorLoadBalancerClientAutoConfiguration.class, ReactiveResilience4JAutoConfiguration.class))
		// the registries a service gets from resilience4j-spring-boot3
		.withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
		.withBean(TimeLimiterRegistry.class, TimeLimiterRegistry::ofDefaults)
		.withBean(BulkheadRegistry.class, BulkheadRegistry::ofDefaults);

	@Test
	void withoutALoadBalancerAndCircuitBreakersThereAreNoServiceClients() {
		this.contexts.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ServiceClients.class)
			.hasSingleBean(ServiceClientProperties.class));
	}

	@Test
	void withALoadBalancerAndCircuitBreakersThereAreServiceClients() {
		this.withLoadBalancerAndBreakers.run((context) -> assertThat(context).hasSingleBean(ServiceClients.class));
	}

	@Test
	void serviceClientsOfTheServicesOwnWin() {
		this.withLoadBalancerAndBreakers.withUserConfiguration(OwnServiceClients.class)
			.run((context) -> OwnBean.wins(context, ServiceClients.class, "ownServiceClients"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnServiceClients {

		@Bean
		ServiceClients ownServiceClients(ReactorLoadBalancerExchangeFilterFunction loadBalancer,
				ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers,
				ReactiveCircuitBreakerFactory<?, ?> circuitBreakers, ServiceClientProperties properties) {
			return new ServiceClients(loadBalancer, loadBalancers, circuitBreakers, properties);
		}

	}

}
