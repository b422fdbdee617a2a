package com.appgain.users.user;

/**
 * Turns user text into a regular expression that matches exactly that text. Every ASCII
 * character that is not a letter or digit is escaped, which both MongoDB's PCRE and Java
 * read as the literal character, so no input can form a pattern or a catastrophic
 * backtracking case.
 */
final class LiteralPattern {

	private LiteralPattern() {
	}

	static String of(String text) {
		StringBuilder pattern = new StringBuilder(text.length() * 2);
		text.codePoints().forEach((codePoint) -> {
			if (codePoint < 128 && !Character.isLetterOrDigit(codePoint)) {
				pattern.append('\\');
			}
			pattern.appendCodePoint(codePoint);
		});
		return pattern.toString();
	}

}
