package com.appgain.payments;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Stripe payments, signed webhooks and reconciliation: {@code /api/payments}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaymentsApplication {

	public static void main(String[] args) {
		SpringApplication.run(PaymentsApplication.class, args);
	}

}
