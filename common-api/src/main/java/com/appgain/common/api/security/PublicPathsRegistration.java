package com.appgain.common.api.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.netflix.eureka.EurekaInstanceConfigBean;

/**
 * Publishes this service's {@code appgain.security.public-paths} in its registry
 * metadata, so the gateway lets those requests through without a token and no gateway
 * configuration names them.
 */
class PublicPathsRegistration implements BeanPostProcessor {

	private final ObjectProvider<ApiSecurityProperties> properties;

	PublicPathsRegistration(ObjectProvider<ApiSecurityProperties> properties) {
		this.properties = properties;
	}

	// After initialization: property binding sets the whole metadata map before that.
	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof EurekaInstanceConfigBean instance) {
			instance.getMetadataMap()
				.put(DeclaredPublicPaths.METADATA_KEY, String.join(",", this.properties.getObject().publicPaths()));
		}
		return bean;
	}

}
