package com.appgain.payments.payment;

import java.util.Map;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import com.appgain.common.api.response.ApiResponse;
import com.appgain.common.api.security.AuthenticatedUser;
import com.appgain.common.api.security.Role;
import com.appgain.common.api.validation.ObjectIds;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/payments}. Creating and refunding take an {@code Idempotency-Key}: the
 * first request answers 201, a repeat with the same key and body 200 with the same
 * payment and header {@code Idempotent-Replayed: true}, the same key with another body
 * 409.
 */
@RestController
@SecurityRequirement(name = "bearer")
@RequestMapping(path = "/api/payments", produces = MediaType.APPLICATION_JSON_VALUE)
class PaymentController {

	static final String REPLAYED = "Idempotent-Replayed";

	private static final String ID = "payment_id";

	private final PaymentCreation creation;

	private final PaymentConfirmation confirmation;

	private final PaymentRefunds refunds;

	private final PaymentService payments;

	private final PaymentRequests requests;

	PaymentController(PaymentCreation creation, PaymentConfirmation confirmation, PaymentRefunds refunds,
			PaymentService payments, PaymentRequests requests) {
		this.creation = creation;
		this.confirmation = confirmation;
		this.refunds = refunds;
		this.payments = payments;
		this.requests = requests;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Map<String, Object>>> create(@RequestBody JsonNode body,
			@RequestHeader(name = PaymentRequests.IDEMPOTENCY_KEY, required = false) String key,
			@AuthenticationPrincipal AuthenticatedUser user) {
		return Mono.fromCallable(() -> new Create(PaymentRequests.requiredKey(key), this.requests.newPayment(body)))
			.flatMap((create) -> this.creation.create(create.request(), create.key(), user))
			.map(PaymentController::created);
	}

	@GetMapping
	Mono<ResponseEntity<Map<String, Object>>> list(@RequestParam(required = false) String page,
			@RequestParam(required = false) String limit,
			@RequestParam(name = "user_id", required = false) String userId,
			@RequestParam(required = false) String status, @AuthenticationPrincipal AuthenticatedUser user) {
		return Mono.fromCallable(() -> PaymentQuery.of(page, limit, userId, status, user))
			.flatMap(this.payments::list)
			.map((result) -> ApiResponse.ok()
				.with("payments", result.payments())
				.with("pagination", result.pagination())
				.build());
	}

	@GetMapping("/{payment_id}")
	Mono<ResponseEntity<Map<String, Object>>> get(@PathVariable(ID) String paymentId,
			@AuthenticationPrincipal AuthenticatedUser user) {
		return Mono.fromCallable(() -> ObjectIds.parse(paymentId, ID))
			.flatMap((id) -> this.payments.get(id, user))
			.map((payment) -> ApiResponse.ok("payment", payment.forJson()));
	}

	@PostMapping(path = "/{payment_id}/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Map<String, Object>>> confirm(@PathVariable(ID) String paymentId, @RequestBody JsonNode body,
			@AuthenticationPrincipal AuthenticatedUser user) {
		return Mono.fromCallable(() -> ObjectIds.parse(paymentId, ID))
			.zipWith(Mono.fromCallable(() -> this.requests.paymentMethod(body)))
			.flatMap((confirm) -> this.confirmation.confirm(confirm.getT1(), confirm.getT2(), user))
			.map((payment) -> ApiResponse.ok()
				.with("message", "Payment confirmed; its status follows Stripe's events")
				.with("payment", payment.forJson())
				.build());
	}

	@PostMapping("/{payment_id}/refund")
	Mono<ResponseEntity<Map<String, Object>>> refund(@PathVariable(ID) String paymentId,
			@RequestBody(required = false) JsonNode body,
			@RequestHeader(name = PaymentRequests.IDEMPOTENCY_KEY, required = false) String key,
			@AuthenticationPrincipal AuthenticatedUser user) {
		return Mono.fromCallable(() -> refundOf(paymentId, body, key, user))
			.flatMap((refund) -> this.refunds.refund(refund.id(), refund.amount(), refund.key()))
			.map(PaymentController::refunded);
	}

	private Refund refundOf(String paymentId, JsonNode body, String key, AuthenticatedUser user) {
		user.requireRole(Role.ADMIN);
		return new Refund(ObjectIds.parse(paymentId, ID), this.requests.refundAmount(body),
				PaymentRequests.optionalKey(key));
	}

	private static ResponseEntity<Map<String, Object>> created(PaymentCreation.CreatedPayment result) {
		ApiResponse response = result.replayed() ? ApiResponse.ok().with("message", "Payment already created")
				: ApiResponse.created().with("message", "Payment created");
		return replayed(response.with("payment", result.payment().forJson())
			.with("client_secret", result.clientSecret())
			.build(), result.replayed());
	}

	private static ResponseEntity<Map<String, Object>> refunded(PaymentRefunds.RefundResult result) {
		ApiResponse response = result.replayed() ? ApiResponse.ok().with("message", "Refund already created")
				: ApiResponse.created().with("message", "Refund created");
		return replayed(
				response.with("refund", result.refund().forJson()).with("payment", result.payment().forJson()).build(),
				result.replayed());
	}

	private static ResponseEntity<Map<String, Object>> replayed(ResponseEntity<Map<String, Object>> response,
			boolean replayed) {
		if (!replayed) {
			return response;
		}
		return ResponseEntity.status(HttpStatus.OK).header(REPLAYED, "true").body(response.getBody());
	}

	private record Create(String key, NewPayment request) {
	}

	private record Refund(ObjectId id, Long amount, String key) {
	}

}
