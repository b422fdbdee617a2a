package com.appgain.common.api.lifecycle;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.annotation.Bean;

/**
 * A service's start-up tasks, and its deregistration from the service registry first on
 * shutdown.
 */
@AutoConfiguration(afterName = "org.springframework.cloud.netflix.eureka.EurekaClientAutoConfiguration")
@EnableConfigurationProperties(ShutdownProperties.class)
public final class LifecycleAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StartUpTasks startUpTasks() {
		return new StartUpTasks();
	}

	// Raw type: Eureka's registry is a ServiceRegistry<EurekaRegistration>.
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ ServiceRegistry.class, Registration.class })
	@SuppressWarnings({ "rawtypes", "unchecked" })
	DeregisterFirstLifecycle deregisterFirstLifecycle(ServiceRegistry registry, Registration registration,
			ShutdownProperties properties) {
		return new DeregisterFirstLifecycle(registry, registration, properties.deregistrationDelay());
	}

}
