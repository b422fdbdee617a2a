package com.appgain.users.user;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LiteralPatternTests {

	@ParameterizedTest
	@ValueSource(strings = { ".*", "(a+)+$", "a|b", "[abc]", "\\Q\\E", "^x{1,3}?", "ümlaut ☃", "a\\", "$ne" })
	void userTextMatchesOnlyItself(String text) {
		Pattern pattern = Pattern.compile(LiteralPattern.of(text));
		assertThat(pattern.matcher("xx" + text + "yy").find()).isTrue();
		assertThat(pattern.matcher("xx" + text.replace(text.substring(0, 1), "") + "yy").find()).isFalse();
	}

}
