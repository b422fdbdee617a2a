package com.appgain.payments.payment;

import org.junit.jupiter.api.Test;

import com.appgain.common.api.error.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PaymentStatusTests {

	@Test
	void aLaterStageReplacesAnyEarlierOne() {
		assertThat(PaymentStatus.SUCCEEDED.outranks()).containsExactlyInAnyOrder("creating", "requires_payment_method",
				"requires_confirmation", "requires_action", "processing", "failed", "requires_capture");
		assertThat(PaymentStatus.PROCESSING.outranks()).containsExactlyInAnyOrder("creating", "requires_payment_method",
				"requires_confirmation", "requires_action");
		assertThat(PaymentStatus.REFUNDED.outranks()).contains("succeeded", "canceled");
	}

	@Test
	void aLateEarlierStageNeverReplacesALaterOne() {
		assertThat(PaymentStatus.PROCESSING.outranks()).doesNotContain("succeeded", "canceled", "requires_capture",
				"refunded");
		assertThat(PaymentStatus.CREATING.outranks()).isEmpty();
	}

	@Test
	void processingAndFailedReplaceEachOtherWhenNewer() {
		assertThat(PaymentStatus.PROCESSING.supersedesWhenNewer()).containsExactly("failed");
		assertThat(PaymentStatus.FAILED.supersedesWhenNewer()).containsExactly("processing");
		assertThat(PaymentStatus.REQUIRES_ACTION.supersedesWhenNewer())
			.containsExactlyInAnyOrder("requires_payment_method", "requires_confirmation");
	}

	@Test
	void finalStatusesAreNeverReplacedByTheirPeers() {
		assertThat(PaymentStatus.SUCCEEDED.supersedesWhenNewer()).isEmpty();
		assertThat(PaymentStatus.CANCELED.supersedesWhenNewer()).isEmpty();
		assertThat(PaymentStatus.SUCCEEDED.isFinal()).isTrue();
		assertThat(PaymentStatus.REFUNDED.isFinal()).isTrue();
		assertThat(PaymentStatus.REQUIRES_CAPTURE.isFinal()).isFalse();
	}

	@Test
	void theReconciliationJobRereadsOnlyWhatStripeMayStillChange() {
		assertThat(PaymentStatus.unsettled()).containsExactlyInAnyOrder("requires_payment_method",
				"requires_confirmation", "requires_action", "processing", "failed", "requires_capture");
	}

	@Test
	void aPaymentIntentWaitingForAMethodAfterAnErrorHasFailed() {
		assertThat(PaymentStatus.fromStripe("requires_payment_method", true)).isEqualTo(PaymentStatus.FAILED);
		assertThat(PaymentStatus.fromStripe("requires_payment_method", false))
			.isEqualTo(PaymentStatus.REQUIRES_PAYMENT_METHOD);
		assertThat(PaymentStatus.fromStripe("succeeded", true)).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void anUnknownStripeStatusIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PaymentStatus.of("exploded"))
			.withMessage("Unknown payment status 'exploded'");
	}

	@Test
	void theQueryParameterNeverSelectsTheInternalCreatingStatus() {
		assertThat(PaymentStatus.fromParameter("succeeded")).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> PaymentStatus.fromParameter("creating"))
			.withMessageStartingWith("Parameter 'status' must be one of requires_payment_method,")
			.withMessageNotContaining("creating");
	}

}
