package com.appgain.common.api.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.netflix.eureka.EurekaInstanceConfigBean;

/**
 * Publishes this service's {@code appgain.security.public-paths}, with the
 * {@link AdditionalPublicPaths}, in its registry metadata, so the gateway lets those
 * requests through without a token and no gateway configuration names them.
 */
class PublicPathsRegistration implements BeanPostProcessor {

	private final ObjectProvider<ApiSecurityProperties> properties;

	private final ObjectProvider<AdditionalPublicPaths> additional;

	PublicPathsRegistration(ObjectProvider<ApiSecurityProperties> properties,
			ObjectProvider<AdditionalPublicPaths> additional) {
		this.properties = properties;
		this.additional = additional;
	}

	// After initialization: property binding sets the whole metadata map before that.
	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof EurekaInstanceConfigBean instance) {
			List<String> paths = AdditionalPublicPaths.with(this.properties.getObject().publicPaths(), this.additional);
			instance.getMetadataMap().put(DeclaredPublicPaths.METADATA_KEY, String.join(",", paths));
		}
		return bean;
	}

}
