package com.appgain.common.api.security;

import java.net.URI;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorResponseWriter;
import com.appgain.common.api.error.ErrorType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every service is a stateless OAuth2 resource server: a bearer token is verified on
 * every request, routes listed in {@code appgain.security.public-paths} or added by a
 * common-api feature ({@link AdditionalPublicPaths}), and health, info and prometheus,
 * need none, everything else does. Failures are envelopes.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(ApiSecurityProperties.class)
public final class ApiSecurityAutoConfiguration {

	private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(3);

	private static final String[] OPEN_ACTUATOR = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus", "/livez", "/readyz" };

	@Bean
	@ConditionalOnMissingBean
	ReactiveJwtDecoder jwtDecoder(ApiSecurityProperties properties, ObjectProvider<TokenRevocationChecker> revocation,
			ObjectProvider<ReactorLoadBalancerExchangeFilterFunction> loadBalancer,
			ObjectProvider<ReactiveLoadBalancer.Factory<ServiceInstance>> loadBalancers) {
		boolean viaRegistry = properties.jwkSetUri() != null && properties.jwkSetUri().startsWith("lb://");
		// bounded: a silent users-service host must cost a request a 503 in seconds
		WebClient.Builder webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create()
				.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) JWKS_TIMEOUT.toMillis())
				.responseTimeout(JWKS_TIMEOUT)));
		if (viaRegistry && (properties.publicKey() == null || properties.publicKey().isBlank())) {
			// create the issuer's load balancer now, not on the event loop of the first
			// request
			loadBalancers.getObject().getInstance(URI.create(properties.jwkSetUri()).getHost());
			webClient.filter(loadBalancer.getObject());
		}
		return JwtDecoders.create(properties, revocation.getIfAvailable(), webClient);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "appgain.security", name = "jwk-set-uri")
	KeySetWarmUp keySetWarmUp(ReactiveJwtDecoder decoder, ApiSecurityProperties properties) {
		return new KeySetWarmUp(decoder, properties.algorithm());
	}

	@Bean
	@ConditionalOnMissingBean
	ServerWebExchangeFirewall apiFirewall() {
		return ApiFirewall.create();
	}

	// The property only turned the observations into no-ops: Spring Security still
	// wrapped every filter of its chain in an observation decorator and a checkpoint.
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	// The firewall refuses paths such as /a/../b before any filter chain runs; without
	// this the client gets a bare 400.
	@Bean
	@ConditionalOnMissingBean
	ServerExchangeRejectedHandler apiExchangeRejectedHandler(ErrorResponseWriter writer) {
		return (exchange, ex) -> writer.write(exchange, ErrorType.BAD_REQUEST, "Request rejected");
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityWebFilterChain apiSecurityFilterChain(ServerHttpSecurity http, ApiSecurityProperties properties,
			ReactiveJwtDecoder decoder, ErrorResponseWriter writer, ObjectProvider<DeclaredPublicPaths> declared,
			ObjectProvider<AdditionalPublicPaths> additional) {
		ServerWebExchangeMatcher configured = PublicPaths
			.matcher(AdditionalPublicPaths.with(properties.publicPaths(), additional));
		DeclaredPublicPaths discovered = declared.getIfAvailable();
		ServerWebExchangeMatcher publicPaths = (discovered != null)
				? new OrServerWebExchangeMatcher(configured, discovered) : configured;
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(OPEN_ACTUATOR)
				.permitAll()
				.matchers(publicPaths)
				.permitAll()
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer((server) -> server.bearerTokenConverter(new BearerTokenConverter())
				.jwt((jwt) -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(new JwtUserConverter()))
				.authenticationEntryPoint((exchange, ex) -> writer.write(exchange, unauthorized(exchange)))
				.accessDeniedHandler((exchange, ex) -> writer.write(exchange, ErrorType.FORBIDDEN, null)))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint((exchange, ex) -> writer.write(exchange, unauthorized(exchange)))
				.accessDeniedHandler((exchange, ex) -> writer.write(exchange, ErrorType.FORBIDDEN, null)))
			.build();
	}

	private static ApiException unauthorized(org.springframework.web.server.ServerWebExchange exchange) {
		boolean hasToken = exchange.getRequest().getHeaders().containsHeader("Authorization");
		return ApiException.unauthorized(hasToken ? "Invalid or expired token" : "Authentication required");
	}

}
