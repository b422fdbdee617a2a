package com.appgain.payments.stripe;

import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.appgain.common.api.error.ApiException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class StripeNotConfiguredTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(StripeOnly.class);

	@Test
	void withoutAnApiKeyTheServiceStartsAndEveryStripeCallIsA503() {
		this.contexts.withPropertyValues("appgain.payments.stripe.api-key=").run((context) -> {
			StripeGateway stripe = context.getBean(StripeGateway.class);
			assertThat(stripe.isConfigured()).isFalse();
			StepVerifier.create(stripe.requireConfigured()).verifyErrorSatisfies(this::isNotConfigured);
			StepVerifier
				.create(stripe.createPaymentIntent(new NewPaymentIntent(100, "usd", null, "cus_1", Map.of()), "k"))
				.verifyErrorSatisfies(this::isNotConfigured);
			StepVerifier.create(stripe.retrievePaymentIntent("pi_1")).verifyErrorSatisfies(this::isNotConfigured);
		});
	}

	@Test
	void withoutAnApiKeyHealthStaysUpAndSaysSo() {
		this.contexts.withPropertyValues("appgain.payments.stripe.api-key=").run((context) -> {
			Health health = context.getBean(StripeHealthIndicator.class).health().block();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("configured", false)
				.containsEntry("webhooks_configured", false);
		});
	}

	@Test
	void withAnApiKeyHealthSaysConfigured() {
		this.contexts
			.withPropertyValues("appgain.payments.stripe.api-key=sk_test_x",
					"appgain.payments.stripe.webhook-secret=whsec_x")
			.run((context) -> {
				assertThat(context.getBean(StripeGateway.class).isConfigured()).isTrue();
				assertThat(context.getBean(StripeHealthIndicator.class).health().block().getDetails())
					.containsEntry("configured", true)
					.containsEntry("webhooks_configured", true);
			});
	}

	@Test
	void withoutAWebhookSecretWebhooksAreA503() {
		this.contexts
			.run((context) -> StepVerifier.create(context.getBean(StripeGateway.class).verifyEvent("{}", "t=1"))
				.verifyErrorSatisfies((ex) -> assertThat(((ApiException) ex).type().status().value()).isEqualTo(503)));
	}

	private void isNotConfigured(Throwable ex) {
		assertThat(ex).isInstanceOf(ApiException.class).hasMessage("Payments are not configured");
		assertThat(((ApiException) ex).type().status().value()).isEqualTo(503);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(StripeProperties.class)
	@Import(StripeConfiguration.class)
	static class StripeOnly {

	}

}
