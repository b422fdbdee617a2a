package com.appgain.registry;

import com.netflix.eureka.registry.PeerAwareInstanceRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link ReadsHeldAtStartFilter} right after Spring Security's filters, so a
 * client without credentials gets its 401 whether reads are served or not.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
class ReadsHeldAtStartConfiguration {

	// the registry is looked up when reads open: a filter is created with the web server,
	// before Eureka's beans
	@Bean
	ReadsHeldAtStartFilter readsHeldAtStartFilter(RegistryProperties properties,
			ObjectProvider<PeerAwareInstanceRegistry> registry) {
		return new ReadsHeldAtStartFilter(properties.serveReadsAfter(), registry);
	}

	@Bean
	FilterRegistrationBean<ReadsHeldAtStartFilter> readsHeldAtStartRegistration(ReadsHeldAtStartFilter filter) {
		FilterRegistrationBean<ReadsHeldAtStartFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.addUrlPatterns("/eureka/*");
		return registration;
	}

}
