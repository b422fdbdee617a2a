package com.appgain.common.api.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Declares a service's public paths to the registry when it registers with Eureka. */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.cloud.netflix.eureka.EurekaInstanceConfigBean")
public final class PublicPathsRegistrationAutoConfiguration {

	@Bean
	static PublicPathsRegistration publicPathsRegistration(ObjectProvider<ApiSecurityProperties> properties,
			ObjectProvider<AdditionalPublicPaths> additional) {
		return new PublicPathsRegistration(properties, additional);
	}

}
