package com.appgain.payments.payment;

import java.util.List;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.response.Paged;
import com.appgain.common.api.response.Pagination;
import com.appgain.common.api.security.AuthenticatedUser;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

/** Reads payments: lists and one by id, each only for its owner or an admin. */
@Service
class PaymentService {

	private final ReactiveMongoTemplate mongo;

	PaymentService(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<PaymentPage> list(PaymentQuery query) {
		return Paged
			.of(this.mongo.find(query.pageQuery(), Payment.class).map(Payment::forJson),
					this.mongo.count(query.filter(), Payment.class), query.page())
			.map((paged) -> new PaymentPage(paged.items(), paged.pagination()));
	}

	/**
	 * The payment, if {@code caller} may see it: anyone else gets the same 404 as for a
	 * payment that does not exist.
	 */
	Mono<Payment> get(ObjectId id, AuthenticatedUser caller) {
		return this.mongo.findById(id, Payment.class)
			.filter(Payment::isCreated)
			.filter((payment) -> caller.isAdmin() || caller.owns(payment.userId()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Payment")));
	}

	record PaymentPage(List<PaymentJson> payments, Pagination pagination) {
	}

}
