package com.appgain.gateway.routing;

import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayObservationConvention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names the timer of routed requests {@value #NAME}. Under its default name,
 * {@code http.client.requests}, it clashes with the timer of the gateway's own HTTP
 * clients (Eureka), which has other tags, and Prometheus drops it.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamObservationConfiguration {

	static final String NAME = "spring.cloud.gateway.http.client.requests";

	@Bean
	GatewayObservationConvention upstreamObservationConvention() {
		return new DefaultGatewayObservationConvention() {

			@Override
			public String getName() {
				return NAME;
			}

		};
	}

}
