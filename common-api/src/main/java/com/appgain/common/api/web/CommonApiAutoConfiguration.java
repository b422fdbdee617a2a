package com.appgain.common.api.web;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import org.bson.types.ObjectId;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.common.api.error.ApiErrorWebExceptionHandler;
import com.appgain.common.api.error.ErrorResponseWriter;
import com.appgain.common.api.error.ServerErrorReporter;
import com.appgain.common.api.validation.JsonSchemaValidator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The blueprint's {@code api/} package for a reactive service: the error envelope for
 * every failure, request ids, the body size limit, checked query parameters and JSON
 * Schema validation.
 */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ApiWebProperties.class)
public final class CommonApiAutoConfiguration {

	static {
		// ObjectId's static initializer seeds itself from SecureRandom (a read of
		// /dev/urandom): run it at start-up, not on the first request's event loop.
		new ObjectId();
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorResponseWriter errorResponseWriter(ObjectProvider<JsonMapper> jsonMapper) {
		return new ErrorResponseWriter(jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	ApiErrorWebExceptionHandler apiErrorWebExceptionHandler(ErrorResponseWriter writer,
			ObjectProvider<ServerErrorReporter> reporter) {
		return new ApiErrorWebExceptionHandler(writer, reporter.getIfAvailable(() -> ServerErrorReporter.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	RequestIdFilter requestIdFilter() {
		return new RequestIdFilter();
	}

	@Bean
	@ConditionalOnMissingBean
	BodySizeLimitFilter bodySizeLimitFilter(ApiWebProperties properties) {
		return new BodySizeLimitFilter(properties.maxBodySize());
	}

	@Bean
	@ConditionalOnMissingBean
	QueryParameterFilter queryParameterFilter() {
		return new QueryParameterFilter();
	}

	@Bean
	WebFluxConfigurer bodySizeLimitCodecConfigurer(ApiWebProperties properties) {
		return new WebFluxConfigurer() {
			@Override
			public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
				configurer.defaultCodecs().maxInMemorySize((int) properties.maxBodySize().toBytes());
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	JsonSchemaValidator jsonSchemaValidator(ObjectProvider<JsonMapper> jsonMapper) {
		return new JsonSchemaValidator(jsonMapper.getIfAvailable(JsonMapper::new));
	}

	/** The handlers that see each request below WebFlux, right after the HTTP codec. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(NettyServerCustomizer.class)
	static class HttpCodecHandlers {

		private static final MalformedBodyGuard MALFORMED_BODY_GUARD = new MalformedBodyGuard();

		@Bean
		NettyServerCustomizer httpCodecHandlersCustomizer(ErrorResponseWriter writer) {
			return (server) -> server.doOnChannelInit((observer, channel, address) -> {
				ChannelPipeline pipeline = channel.pipeline();
				if (pipeline.get(NettyPipeline.HttpCodec) instanceof HttpServerCodec) {
					pipeline.addAfter(NettyPipeline.HttpCodec, BareErrorEnvelope.NAME, new BareErrorEnvelope(writer));
					pipeline.addAfter(BareErrorEnvelope.NAME, MalformedBodyGuard.NAME, MALFORMED_BODY_GUARD);
				}
			});
		}

	}

}
