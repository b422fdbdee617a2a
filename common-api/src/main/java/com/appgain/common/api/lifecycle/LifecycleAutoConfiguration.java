package com.appgain.common.api.lifecycle;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.annotation.Bean;

/** Deregisters from the service registry first on shutdown. */
@AutoConfiguration(afterName = "org.springframework.cloud.netflix.eureka.EurekaClientAutoConfiguration")
@ConditionalOnClass(ServiceRegistry.class)
@ConditionalOnBean({ ServiceRegistry.class, Registration.class })
@EnableConfigurationProperties(ShutdownProperties.class)
public final class LifecycleAutoConfiguration {

	// Raw type: Eureka's registry is a ServiceRegistry<EurekaRegistration>.
	@Bean
	@ConditionalOnMissingBean
	@SuppressWarnings({ "rawtypes", "unchecked" })
	DeregisterFirstLifecycle deregisterFirstLifecycle(ServiceRegistry registry, Registration registration,
			ShutdownProperties properties) {
		return new DeregisterFirstLifecycle(registry, registration, properties.deregistrationDelay());
	}

}
