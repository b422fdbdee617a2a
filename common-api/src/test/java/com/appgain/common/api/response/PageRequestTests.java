package com.appgain.common.api.response;

import org.junit.jupiter.api.Test;

import com.appgain.common.api.error.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageRequestTests {

	@Test
	void theLastPageWhoseOffsetFitsTheDriverIsAccepted() {
		PageRequest last = PageRequest.of("21474837", "100");
		assertThat(last.skip()).isEqualTo(2147483600L).isLessThanOrEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void theFirstPageWhoseOffsetWouldWrapAroundIsRefused() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> PageRequest.of("21474838", "100"))
			.withMessage("Parameter 'page' must be at most 21474837 with a limit of 100");
	}

	@Test
	void theLargestIntPageIsRefusedForEveryLimitAboveOne() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> PageRequest.of("2147483647", "2"));
		assertThat(PageRequest.of("2147483647", "1").skip()).isEqualTo(Integer.MAX_VALUE - 1);
	}

	@Test
	void numbersBeyondIntAndNonAsciiDigitsAreRefused() {
		for (String bad : new String[] { "2147483648", "99999999999999999999", "\u0663", "1e3", "-1", "0", "+1",
				"0x10" }) {
			assertThatExceptionOfType(ApiException.class).as(bad)
				.isThrownBy(() -> PageRequest.of(bad, null))
				.withMessage("Parameter 'page' must be a positive integer");
		}
	}

}
