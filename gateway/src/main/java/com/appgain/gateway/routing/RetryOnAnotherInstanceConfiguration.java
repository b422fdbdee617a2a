package com.appgain.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Every routed service's load balancer is a {@link LoadBalancerPerService}: retries go to
 * another instance.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = LoadBalancerPerService.class)
class RetryOnAnotherInstanceConfiguration {

}
