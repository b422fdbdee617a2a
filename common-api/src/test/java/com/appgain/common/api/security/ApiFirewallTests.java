package com.appgain.common.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/** The loops refuse exactly what Spring Security's regular expressions refuse. */
class ApiFirewallTests {

	@Test
	void everyCodePointIsJudgedAsSpringSecurityJudgesIt() {
		List<String> different = new ArrayList<>();
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = "a" + Character.toString(codePoint) + "b";
			if (ApiFirewall.allowed(text, true) != StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text)
					|| ApiFirewall.allowed(text, false) != StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES
						.test(text)) {
				different.add(Integer.toHexString(codePoint));
			}
		}
		assertThat(different).isEmpty();
	}

	@Test
	void loneSurrogatesControlsAndEmptyValuesAsWell() {
		for (String text : new String[] { "", "\ud800", "x\udc00", "\udc00\ud800", "\ud83d\ude00", "a\tb", "\u007f",
				"\u0085", "\u2028", "\ufffe", "\u0378", "Bearer abc.def-ghi" }) {
			assertSame(text, StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES, true);
			assertSame(text, StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES, false);
		}
		assertThat(ApiFirewall.allowed(null, true)).isTrue();
		assertThat(ApiFirewall.allowed("a\tb", true)).isTrue();
		assertThat(ApiFirewall.allowed("a\tb", false)).isFalse();
		assertThat(ApiFirewall.allowed("a\nb", true)).isFalse();
	}

	private static void assertSame(String text, Predicate<String> spring, boolean tab) {
		assertThat(ApiFirewall.allowed(text, tab)).as("%s (tab %s)", text.codePoints().toArray(), tab)
			.isEqualTo(spring.test(text));
	}

}
