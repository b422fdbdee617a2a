package com.appgain.payments.payment;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.security.AuthenticatedUser;
import com.appgain.common.api.security.Role;
import com.appgain.payments.stripe.StripeGateway;
import com.appgain.payments.stripe.StripeProperties;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentCreationNotConfiguredTests {

	@Test
	void creatingAPaymentWithoutAStripeKeyIsA503BeforeAnythingElseHappens() {
		StripeGateway stripe = new StripeGateway(new StripeProperties("", "", "", Duration.ofSeconds(300),
				Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1, 1));
		PaymentProperties properties = new PaymentProperties(List.of("usd"), new PaymentProperties.Idempotency(
				Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMinutes(2)));
		// no MongoDB, no users-service, no indexes: none may be touched
		PaymentCreation creation = new PaymentCreation(null, stripe, null, null, null, null, properties);

		StepVerifier.create(creation.create(new NewPayment(100, "usd", null), "key",
				new AuthenticatedUser("65a1f0c2b3d4e5f607182930", Role.USER, "jti")))
			.verifyErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(ApiException.class).hasMessage("Payments are not configured");
				assertThat(((ApiException) ex).type().status().value()).isEqualTo(503);
			});
		stripe.destroy();
	}

}
