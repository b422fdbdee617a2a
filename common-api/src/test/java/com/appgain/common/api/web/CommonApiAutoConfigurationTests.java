package com.appgain.common.api.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.common.api.error.ApiErrorWebExceptionHandler;
import com.appgain.common.api.error.ErrorResponseWriter;
import com.appgain.common.api.validation.JsonSchemaValidator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class CommonApiAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contexts = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CommonApiAutoConfiguration.class));

	@Test
	void aReactiveServiceGetsTheEnvelopeRequestIdsLimitsAndValidation() {
		this.contexts.run((context) -> assertThat(context).hasSingleBean(ErrorResponseWriter.class)
			.hasSingleBean(ApiErrorWebExceptionHandler.class)
			.hasSingleBean(RequestIdFilter.class)
			.hasSingleBean(BodySizeLimitFilter.class)
			.hasSingleBean(QueryParameterFilter.class)
			.hasSingleBean(JsonSchemaValidator.class));
	}

	@Test
	void theBodySizeLimitIsConfigurable() {
		this.contexts.withPropertyValues("appgain.web.max-body-size=2KB")
			.run((context) -> assertThat(context.getBean(ApiWebProperties.class).maxBodySize())
				.isEqualTo(DataSize.ofKilobytes(2)));
	}

	@Test
	void aUsersBeanWins() {
		this.contexts.withUserConfiguration(OwnValidator.class)
			.run((context) -> assertThat(context).getBean(JsonSchemaValidator.class)
				.isSameAs(context.getBean(OwnValidator.class).validator));
	}

	@Test
	void neitherRedisNorMongoDbIsNeeded() {
		this.contexts
			.withClassLoader(new FilteredClassLoader("org.springframework.data.redis", "io.lettuce",
					"org.springframework.data.mongodb", "com.mongodb.reactivestreams"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ApiErrorWebExceptionHandler.class));
	}

	@Test
	void anApplicationThatIsNotReactiveGetsNothing() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CommonApiAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ErrorResponseWriter.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnValidator {

		final JsonSchemaValidator validator = new JsonSchemaValidator(new JsonMapper());

		@Bean
		JsonSchemaValidator ownValidator() {
			return this.validator;
		}

	}

}
