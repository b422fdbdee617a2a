package com.appgain.common.api.security;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import com.appgain.common.api.web.CommonApiAutoConfiguration;
import com.appgain.common.test.TestKeys;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.ObservationWebFilterChainDecorator;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

class ApiSecurityAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contexts = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CommonApiAutoConfiguration.class, ApiSecurityAutoConfiguration.class))
		.withPropertyValues("appgain.security.public-key=" + TestKeys.publicKeyPem());

	@Test
	void aServiceVerifiesTokensAndChainsItsFilters() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveJwtDecoder.class).hasSingleBean(SecurityWebFilterChain.class);
			assertThat(context.getBean(ApiSecurityProperties.class).issuer()).isEqualTo("appgain-users");
		});
	}

	@Test
	void aUsersDecoderWins() {
		this.contexts.withUserConfiguration(OwnDecoder.class)
			.run((context) -> assertThat(context).getBean(ReactiveJwtDecoder.class).isSameAs(OwnDecoder.DECODER));
	}

	@Test
	void withoutRedisTokensAreVerifiedWithoutARevocationCheck() {
		this.contexts.withClassLoader(new FilteredClassLoader("org.springframework.data.redis", "io.lettuce"))
			.run((context) -> assertThat(context).hasSingleBean(ReactiveJwtDecoder.class)
				.doesNotHaveBean(TokenRevocationChecker.class));
	}

	@Test
	void withoutMongoDbNothingChanges() {
		this.contexts.withClassLoader(new FilteredClassLoader("org.springframework.data.mongodb"))
			.run((context) -> assertThat(context).hasSingleBean(SecurityWebFilterChain.class));
	}

	@Test
	void securityObservationsOffMeansNoObservationAroundEveryFilter() {
		this.contexts.withBean(ObservationRegistry.class, ApiSecurityAutoConfigurationTests::observing)
			.withPropertyValues("management.observations.enable.spring.security=false")
			.run((context) -> assertThat(
					ReflectionTestUtils.getField(context.getBean(WebFilterChainProxy.class), "filterChainDecorator"))
				.isNotInstanceOf(ObservationWebFilterChainDecorator.class));
		this.contexts.withBean(ObservationRegistry.class, ApiSecurityAutoConfigurationTests::observing)
			.run((context) -> assertThat(
					ReflectionTestUtils.getField(context.getBean(WebFilterChainProxy.class), "filterChainDecorator"))
				.isInstanceOf(ObservationWebFilterChainDecorator.class));
	}

	private static ObservationRegistry observing() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler((context) -> true);
		return registry;
	}

	@Test
	void theFirewallChecksHeadersWithoutRegularExpressions() {
		this.contexts.run((context) -> assertThat(
				ReflectionTestUtils.getField(context.getBean(ServerWebExchangeFirewall.class), "allowedHeaderValues"))
			.isNotSameAs(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDecoder {

		static final ReactiveJwtDecoder DECODER = (token) -> {
			throw new UnsupportedOperationException();
		};

		@Bean
		ReactiveJwtDecoder ownDecoder() {
			return DECODER;
		}

	}

}
