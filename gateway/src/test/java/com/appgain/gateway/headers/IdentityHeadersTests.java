package com.appgain.gateway.headers;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityHeadersTests {

	private final IdentityHeaders headers = new IdentityHeaders(List.of("X-User-*", "X-Forwarded-User"));

	@Test
	void prefixPatternMatchesAnyCase() {
		assertThat(this.headers.matches("x-user-id")).isTrue();
		assertThat(this.headers.matches("X-USER-ROLE")).isTrue();
	}

	@Test
	void exactNameMatchesOnlyItself() {
		assertThat(this.headers.matches("x-forwarded-user")).isTrue();
		assertThat(this.headers.matches("X-Forwarded-Username")).isFalse();
		assertThat(this.headers.matches("X-Forwarded-For")).isFalse();
	}

	@Test
	void otherHeadersDoNotMatch() {
		assertThat(this.headers.matches("Authorization")).isFalse();
		assertThat(this.headers.matches("X-User")).isFalse();
	}

}
