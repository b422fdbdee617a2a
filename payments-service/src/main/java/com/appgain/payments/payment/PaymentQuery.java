package com.appgain.payments.payment;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.response.PageRequest;
import com.appgain.common.api.security.AuthenticatedUser;
import com.appgain.common.api.validation.ObjectIds;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The query parameters of {@code GET /api/payments}, checked. A user sees their own
 * payments; an admin sees everyone's, or one user's with {@code user_id}.
 *
 * @param page the page and its size
 * @param userId only this owner's payments, or all when {@code null}
 * @param status only payments in this state, or all when {@code null}
 */
record PaymentQuery(PageRequest page, String userId, PaymentStatus status) {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt")
		.and(Sort.by(Sort.Direction.DESC, "id"));

	static PaymentQuery of(String page, String limit, String userId, String status, AuthenticatedUser caller) {
		return new PaymentQuery(PageRequest.of(page, limit), owner(userId, caller),
				hasText(status) ? PaymentStatus.fromParameter(status) : null);
	}

	private static String owner(String userId, AuthenticatedUser caller) {
		if (!hasText(userId)) {
			return caller.isAdmin() ? null : caller.id();
		}
		String owner = ObjectIds.parse(userId, "user_id").toHexString();
		if (!caller.isAdmin() && !caller.owns(owner)) {
			throw ApiException.forbidden("Only admins can list the payments of other users");
		}
		return owner;
	}

	/** The filter, without paging; claims still being created are never listed. */
	Query filter() {
		Criteria criteria = (this.status != null) ? Criteria.where(Payment.STATUS).is(this.status.value())
				: Criteria.where(Payment.STATUS).ne(PaymentStatus.CREATING.value());
		if (this.userId != null) {
			criteria.and(Payment.USER_ID).is(this.userId);
		}
		return Query.query(criteria);
	}

	Query pageQuery() {
		return filter().with(NEWEST_FIRST).skip(this.page.skip()).limit(this.page.limit());
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
