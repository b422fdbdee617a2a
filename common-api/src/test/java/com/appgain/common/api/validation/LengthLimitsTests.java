package com.appgain.common.api.validation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.common.api.error.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code maxLength} refuses a string before any {@code pattern} runs on it: the test
 * schema's pattern {@code ^(a+)+$} would take longer than the universe on these inputs.
 */
class LengthLimitsTests {

	private static final String HOSTILE = "a".repeat(1 << 20) + "!";

	private final JsonMapper json = JsonMapper.builder().build();

	private final JsonSchemaValidator validator = new JsonSchemaValidator(this.json);

	@Test
	void aTooLongStringIsRefusedBeforeTheCatastrophicPatternRuns() {
		ApiException refused = refuse(Map.of("word", HOSTILE));
		assertThat(refused.errors()).extracting(ApiException.FieldError::path).containsExactly("/word");
		assertThat(refused.errors().get(0).message()).isEqualTo("must be at most 16 characters long");
	}

	@Test
	void aTooLongStringInAnArrayIsRefusedToo() {
		ApiException refused = refuse(Map.of("words", List.of("aaa", HOSTILE)));
		assertThat(refused.errors()).extracting(ApiException.FieldError::path).containsExactly("/words/1");
	}

	@Test
	void theLengthCountsCodePointsAsJsonSchemaDoes() {
		this.validator.validate(body(Map.of("word", "a".repeat(15))), "hostile/slow-pattern");
		assertThat(LengthLimits.violations(this.json.readTree("{\"maxLength\": 2}"), this.json.readTree("\"😀😀\"")))
			.isEmpty();
	}

	@Test
	void aShortStringIsStillCheckedAgainstThePattern() {
		ApiException refused = refuse(Map.of("word", "abc"));
		assertThat(refused.errors()).extracting(ApiException.FieldError::path).containsExactly("/word");
	}

	private ApiException refuse(Map<String, Object> body) {
		JsonNode node = body(body);
		return assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			try {
				this.validator.validate(node, "hostile/slow-pattern");
			}
			catch (ApiException ex) {
				return ex;
			}
			throw new AssertionError("not refused");
		});
	}

	private JsonNode body(Object value) {
		return this.json.valueToTree(value);
	}

}
