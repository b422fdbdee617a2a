package com.appgain.payments.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.store.MongoErrors;
import com.appgain.payments.payment.PaymentStatus;
import com.appgain.payments.payment.PaymentTransitions.PaymentRef;
import com.appgain.payments.payment.PaymentTransitions.StatusChange;
import com.appgain.payments.payment.PaymentTransitions;
import com.appgain.payments.stripe.StripeGateway;
import com.appgain.payments.stripe.StripeIntent;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Stripe webhook deliveries: the signature is checked on the raw bytes, the event id is
 * claimed in {@code webhook_events} so that each event is processed at most once (a
 * redelivery, concurrent or later, is acknowledged and skipped), then the payment is
 * moved through {@link PaymentTransitions}, which makes any arrival order safe. If
 * processing fails, the claim is dropped and the 500 makes Stripe deliver again.
 */
@Service
class WebhookService {

	private static final Logger logger = LoggerFactory.getLogger(WebhookService.class);

	private static final Duration LEASE = Duration.ofMinutes(5);

	private final StripeGateway stripe;

	private final ReactiveMongoTemplate mongo;

	private final PaymentTransitions transitions;

	private final WebhookMetrics metrics;

	WebhookService(StripeGateway stripe, ReactiveMongoTemplate mongo, PaymentTransitions transitions,
			WebhookMetrics metrics) {
		this.stripe = stripe;
		this.mongo = mongo;
		this.transitions = transitions;
		this.metrics = metrics;
	}

	Mono<WebhookOutcome> receive(byte[] payload, String signature) {
		return verify(payload, signature).flatMap(this::once);
	}

	private Mono<Event> verify(byte[] payload, String signature) {
		if (payload == null || signature == null || signature.isBlank()) {
			this.metrics.received("unknown", "invalid_signature");
			return Mono.error(ApiException.badRequest("A signed Stripe event is required"));
		}
		return this.stripe.verifyEvent(new String(payload, StandardCharsets.UTF_8), signature)
			.doOnError((ex) -> this.metrics.received("unknown", "invalid_signature"));
	}

	private Mono<WebhookOutcome> once(Event event) {
		return claim(event).flatMap((claimed) -> claimed ? process(event) : Mono.just(WebhookOutcome.DUPLICATE))
			.doOnNext((outcome) -> recorded(event, outcome))
			.doOnError((ex) -> this.metrics.received(event.getType(), "error"));
	}

	private Mono<WebhookOutcome> process(Event event) {
		return dispatch(event).flatMap((outcome) -> processed(event, outcome))
			.onErrorResume((ex) -> release(event).then(Mono.error(ex)));
	}

	private Mono<WebhookOutcome> dispatch(Event event) {
		return switch (event.getType()) {
			case StripeEvents.SUCCEEDED -> intent(event, PaymentStatus.SUCCEEDED);
			case StripeEvents.FAILED -> intent(event, PaymentStatus.FAILED);
			case StripeEvents.CANCELED -> intent(event, PaymentStatus.CANCELED);
			case StripeEvents.PROCESSING -> intent(event, PaymentStatus.PROCESSING);
			case StripeEvents.REFUNDED -> refunded(event);
			default -> Mono.just(WebhookOutcome.IGNORED);
		};
	}

	private Mono<WebhookOutcome> intent(Event event, PaymentStatus status) {
		return dataObject(event, PaymentIntent.class).flatMap((intent) -> {
			Map<String, String> metadata = (intent.getMetadata() != null) ? intent.getMetadata() : Map.of();
			long received = (intent.getAmountReceived() != null) ? intent.getAmountReceived() : 0;
			StatusChange change = new StatusChange(status, Instant.ofEpochSecond(event.getCreated()), received,
					StripeIntent.failureMessage(intent));
			return this.transitions.apply(PaymentRef.of(metadata.get("payment_id"), intent.getId()), change);
		}).map(WebhookOutcome::of);
	}

	private Mono<WebhookOutcome> refunded(Event event) {
		return dataObject(event, Charge.class)
			.filter((charge) -> charge.getPaymentIntent() != null && charge.getAmountRefunded() != null)
			.flatMap((charge) -> this.transitions.refunded(PaymentRef.of(null, charge.getPaymentIntent()),
					charge.getAmountRefunded()))
			.map((payment) -> WebhookOutcome.PROCESSED)
			.defaultIfEmpty(WebhookOutcome.UNKNOWN_PAYMENT);
	}

	// The event's object whatever its API version; empty (and logged) if it is another
	// kind.
	private <T extends StripeObject> Mono<T> dataObject(Event event, Class<T> type) {
		return Mono.fromCallable(() -> event.getDataObjectDeserializer().deserializeUnsafe())
			.filter(type::isInstance)
			.map(type::cast)
			.doOnError((ex) -> logger.atWarn()
				.addKeyValue("stripe_event_id", event.getId())
				.log("Stripe event data could not be read: " + ex.getMessage()))
			.onErrorResume((ex) -> Mono.empty());
	}

	private Mono<Boolean> claim(Event event) {
		Instant now = now();
		return this.mongo.insert(WebhookEvent.received(event.getId(), event.getType(), now, now.plus(LEASE)))
			.thenReturn(true)
			.onErrorResume(MongoErrors::isDuplicateKey, (ex) -> takeOverAbandoned(event.getId()));
	}

	// Claimed before, but its processor died mid-way (lease over): process it now.
	private Mono<Boolean> takeOverAbandoned(String eventId) {
		Instant now = now();
		Query abandoned = Query.query(Criteria.where("_id")
			.is(eventId)
			.and("status")
			.is(WebhookEvent.PROCESSING)
			.and(WebhookEvent.LEASE)
			.lt(now));
		return this.mongo
			.updateFirst(abandoned, new Update().set(WebhookEvent.LEASE, now.plus(LEASE)), WebhookEvent.class)
			.map((result) -> result.getModifiedCount() > 0);
	}

	private Mono<WebhookOutcome> processed(Event event, WebhookOutcome outcome) {
		Update done = new Update().set("status", WebhookEvent.PROCESSED)
			.set("outcome", outcome.tag())
			.set("processed_at", now())
			.unset(WebhookEvent.LEASE);
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(event.getId())), done, WebhookEvent.class)
			.thenReturn(outcome);
	}

	private Mono<Void> release(Event event) {
		Query processing = Query
			.query(Criteria.where("_id").is(event.getId()).and("status").is(WebhookEvent.PROCESSING));
		return this.mongo.remove(processing, WebhookEvent.class).then();
	}

	private void recorded(Event event, WebhookOutcome outcome) {
		this.metrics.received(event.getType(), outcome.tag());
		logger.atInfo()
			.addKeyValue("stripe_event_id", event.getId())
			.addKeyValue("stripe_event_type", event.getType())
			.addKeyValue("outcome", outcome.tag())
			.log("Stripe event received");
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
