package com.appgain.examples.example;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IfMatchTests {

	@ParameterizedTest
	@ValueSource(strings = { "\"3\"", "3", " \"3\" ", "W/\"3\"" })
	void aStrongOrWeakETagOfOursIsTheVersionItNames(String header) {
		assertThat(IfMatch.version(header)).isEqualTo(3L);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "  ", "*", " * " })
	void noHeaderOrAStarAcceptsAnyVersion(String header) {
		assertThat(IfMatch.version(header)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"abc\"", "\"1\", \"2\"", "\"1.5\"", "W/", "\"99999999999999999999\"" })
	void anythingElseIsABadRequest(String header) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> IfMatch.version(header))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ErrorType.BAD_REQUEST))
			.withMessage("Header 'If-Match' must be an ETag of this API, like \"3\"");
	}

}
