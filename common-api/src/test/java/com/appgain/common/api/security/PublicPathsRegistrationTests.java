package com.appgain.common.api.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.commons.util.InetUtils;
import org.springframework.cloud.commons.util.InetUtilsProperties;
import org.springframework.cloud.netflix.eureka.EurekaInstanceConfigBean;

import static org.assertj.core.api.Assertions.assertThat;

class PublicPathsRegistrationTests {

	@Test
	void theServicesPublicPathsGoIntoItsRegistryMetadata() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("properties", new ApiSecurityProperties("appgain-users", "appgain", "RS256", null, null,
				List.of("GET /api/examples", "GET /api/examples/*")));
		EurekaInstanceConfigBean instance = register(beans);

		assertThat(instance.getMetadataMap()).containsEntry(DeclaredPublicPaths.METADATA_KEY,
				"GET /api/examples,GET /api/examples/*");
	}

	@Test
	void pathsAFeatureAddsAreRegisteredWithTheConfiguredOnes() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("properties", new ApiSecurityProperties("appgain-users", "appgain", "RS256", null, null,
				List.of("POST /api/payments/webhooks/stripe")));
		beans.addBean("openApi", new AdditionalPublicPaths(List.of("GET /api/payments/openapi/**")));
		beans.addBean("again", new AdditionalPublicPaths(List.of("POST /api/payments/webhooks/stripe")));

		EurekaInstanceConfigBean instance = register(beans);

		assertThat(instance.getMetadataMap()).containsEntry(DeclaredPublicPaths.METADATA_KEY,
				"POST /api/payments/webhooks/stripe,GET /api/payments/openapi/**");
	}

	private static EurekaInstanceConfigBean register(StaticListableBeanFactory beans) {
		PublicPathsRegistration registration = new PublicPathsRegistration(
				beans.getBeanProvider(ApiSecurityProperties.class), beans.getBeanProvider(AdditionalPublicPaths.class));
		EurekaInstanceConfigBean instance = new EurekaInstanceConfigBean(new InetUtils(new InetUtilsProperties()));
		registration.postProcessAfterInitialization(instance, "eurekaInstanceConfigBean");
		return instance;
	}

}
