package com.appgain.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import com.appgain.common.api.security.ApiSecurityProperties;
import com.appgain.common.api.security.JwtDecoders;
import com.appgain.common.api.security.TokenRevocationChecker;
import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The common-api token decoder, with the JWKS download bounded in time and in rate: the
 * gateway is where tokens from anyone arrive first.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerificationConfiguration {

	@Bean
	ReactiveJwtDecoder jwtDecoder(ApiSecurityProperties security, ApiGatewayProperties gateway,
			ObjectProvider<TokenRevocationChecker> revocation,
			ObjectProvider<ReactorLoadBalancerExchangeFilterFunction> loadBalancer,
			ObjectProvider<ReactiveLoadBalancer.Factory<ServiceInstance>> loadBalancers) {
		if (viaRegistry(security)) {
			// the issuer's load balancer now, not on the event loop of the first request
			loadBalancers.getObject().getInstance(URI.create(security.jwkSetUri()).getHost());
		}
		return JwtDecoders.create(security, revocation.getIfAvailable(),
				jwksClient(security, gateway, loadBalancer::getObject));
	}

	static WebClient.Builder jwksClient(ApiSecurityProperties security, ApiGatewayProperties gateway,
			Supplier<? extends ExchangeFilterFunction> loadBalancer) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) gateway.jwksTimeout().toMillis())
			.responseTimeout(gateway.jwksTimeout());
		WebClient.Builder builder = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.filter(new JwksRefreshThrottle(gateway.jwksMinRefreshInterval(), Clock.systemUTC()));
		if (viaRegistry(security)) {
			builder.filter(loadBalancer.get());
		}
		return builder;
	}

	private static boolean viaRegistry(ApiSecurityProperties security) {
		return !StringUtils.hasText(security.publicKey()) && security.jwkSetUri() != null
				&& security.jwkSetUri().startsWith("lb://");
	}

}
