package com.appgain.payments.stripe;

import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import com.appgain.common.api.error.ApiException;

import org.springframework.beans.factory.DisposableBean;

/**
 * Every call to Stripe. stripe-java blocks, so each call runs on a bounded scheduler of
 * its own, never on an event loop; the client is built per instance (API base, timeouts,
 * network retries), with no global state in {@code com.stripe.Stripe}. Without an API key
 * every call fails with 503 "Payments are not configured".
 */
public class StripeGateway implements DisposableBean {

	private final StripeProperties properties;

	private final StripeClient client;

	private final Scheduler scheduler;

	public StripeGateway(StripeProperties properties) {
		this.properties = properties;
		this.client = properties.configured() ? client(properties) : null;
		this.scheduler = Schedulers.newBoundedElastic(properties.threads(), properties.queue(), "stripe");
	}

	private static StripeClient client(StripeProperties properties) {
		StripeClient.StripeClientBuilder builder = StripeClient.builder()
			.setApiKey(properties.apiKey())
			.setConnectTimeout((int) properties.connectTimeout().toMillis())
			.setReadTimeout((int) properties.readTimeout().toMillis())
			.setMaxNetworkRetries(properties.maxNetworkRetries());
		if (properties.customApiBase()) {
			builder.setApiBase(properties.apiBase());
		}
		return builder.build();
	}

	public boolean isConfigured() {
		return this.client != null;
	}

	/** Completes empty when payments can be taken, else fails with 503. */
	public Mono<Void> requireConfigured() {
		return isConfigured() ? Mono.empty() : Mono.error(notConfigured());
	}

	public Mono<String> createCustomer(String email, Map<String, String> metadata, String idempotencyKey) {
		CustomerCreateParams params = CustomerCreateParams.builder().setEmail(email).putAllMetadata(metadata).build();
		return call("customers.create",
				(stripe) -> stripe.v1().customers().create(params, idempotent(idempotencyKey)).getId());
	}

	public Mono<StripeIntent> createPaymentIntent(NewPaymentIntent intent, String idempotencyKey) {
		PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
			.setAmount(intent.amount())
			.setCurrency(intent.currency())
			.setDescription(intent.description())
			.setCustomer(intent.customer())
			.putAllMetadata(intent.metadata())
			.setAutomaticPaymentMethods(
					PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
			.build();
		return call("payment_intents.create",
				(stripe) -> StripeIntent.of(stripe.v1().paymentIntents().create(params, idempotent(idempotencyKey))));
	}

	public Mono<StripeIntent> retrievePaymentIntent(String id) {
		return call("payment_intents.retrieve", (stripe) -> StripeIntent.of(stripe.v1().paymentIntents().retrieve(id)));
	}

	/**
	 * Confirms with a payment method id; a declined card fails with 400, and Stripe's
	 * events tell the outcome either way.
	 */
	public Mono<StripeIntent> confirmPaymentIntent(String id, String paymentMethod) {
		PaymentIntentConfirmParams params = PaymentIntentConfirmParams.builder()
			.setPaymentMethod(paymentMethod)
			.build();
		return call("payment_intents.confirm",
				(stripe) -> StripeIntent.of(stripe.v1().paymentIntents().confirm(id, params)));
	}

	public Mono<StripeRefund> createRefund(String paymentIntentId, long amount, Map<String, String> metadata,
			String idempotencyKey) {
		RefundCreateParams params = RefundCreateParams.builder()
			.setPaymentIntent(paymentIntentId)
			.setAmount(amount)
			.putAllMetadata(metadata)
			.build();
		return call("refunds.create",
				(stripe) -> StripeRefund.of(stripe.v1().refunds().create(params, idempotent(idempotencyKey))));
	}

	/**
	 * The event of a webhook delivery, once its {@code Stripe-Signature} matched the raw
	 * payload and is recent enough; otherwise 400.
	 */
	public Mono<Event> verifyEvent(String payload, String signature) {
		if (!this.properties.webhooksConfigured()) {
			return Mono.error(ApiException.serviceUnavailable("Stripe webhooks are not configured"));
		}
		return Mono
			.fromCallable(() -> Webhook.constructEvent(payload, signature, this.properties.webhookSecret(),
					this.properties.webhookTolerance().toSeconds()))
			.subscribeOn(this.scheduler)
			.onErrorMap(RejectedExecutionException.class, (ex) -> busy())
			// stripe-java parses before it verifies: garbage fails there (in Gson), also
			// a 400
			.onErrorMap((ex) -> !(ex instanceof ApiException),
					(ex) -> ApiException.badRequest("Invalid Stripe webhook signature or payload"));
	}

	private <T> Mono<T> call(String operation, StripeCall<T> call) {
		if (this.client == null) {
			return Mono.error(notConfigured());
		}
		return Mono.fromCallable(() -> call.apply(this.client))
			.subscribeOn(this.scheduler)
			.onErrorMap(StripeException.class, (ex) -> StripeErrors.map(operation, ex))
			.onErrorMap(RejectedExecutionException.class, (ex) -> busy());
	}

	private static RequestOptions idempotent(String key) {
		return RequestOptions.builder().setIdempotencyKey(key).build();
	}

	// every thread is in a Stripe call and the queue is full: shed load, do not queue
	// more
	private static ApiException busy() {
		return ApiException.serviceUnavailable("Too many payment provider calls in flight; retry shortly");
	}

	private static ApiException notConfigured() {
		return ApiException.serviceUnavailable("Payments are not configured");
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
	}

	@FunctionalInterface
	private interface StripeCall<T> {

		T apply(StripeClient client) throws StripeException;

	}

}
