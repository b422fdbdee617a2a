package com.appgain.devstack.stripe;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link FakeStripe} as a process for {@code ./run} when no real Stripe key is set:
 * on 127.0.0.1:{@code STRIPE_STAND_IN_PORT}, accepting {@code STRIPE_API_KEY}, signing
 * with {@code STRIPE_WEBHOOK_SECRET} and delivering to {@code STRIPE_WEBHOOK_URL}. Stops
 * on SIGTERM or SIGINT.
 */
public final class StripeStandIn {

	private StripeStandIn() {
	}

	public static void main(String[] args) throws InterruptedException {
		Map<String, String> env = System.getenv();
		String key = env.get("STRIPE_API_KEY");
		String secret = env.get("STRIPE_WEBHOOK_SECRET");
		String webhooks = env.get("STRIPE_WEBHOOK_URL");
		if (key == null || secret == null || webhooks == null) {
			System.err.println("stripe stand-in: set STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_WEBHOOK_URL");
			System.exit(2);
		}
		int port = Integer.parseInt(env.getOrDefault("STRIPE_STAND_IN_PORT", "12111"));
		FakeStripe stripe = FakeStripe.start(port, key, secret);
		stripe.deliverWebhooksTo(URI.create(webhooks));
		Runtime.getRuntime().addShutdownHook(new Thread(stripe::stop, "stripe-stand-in-shutdown"));
		System.out.println("stripe stand-in ready: " + stripe.baseUrl() + ", webhooks to " + webhooks);
		new CountDownLatch(1).await();
	}

}
