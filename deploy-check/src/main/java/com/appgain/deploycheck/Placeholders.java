package com.appgain.deploycheck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds Spring property placeholders, {@code ${NAME}} and {@code ${NAME:default}}, in a
 * text, nested ones in defaults included ({@code ${A:${B:x}}} reads A and B).
 */
public final class Placeholders {

	private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

	private Placeholders() {
	}

	/**
	 * A placeholder.
	 *
	 * @param name the property or variable name
	 * @param hasDefault whether it has a default ({@code ${NAME:}} has an empty one)
	 * @param defaultValue the default, or {@code null}
	 */
	public record Placeholder(String name, boolean hasDefault, String defaultValue) {

		/**
		 * Whether the name is an environment variable's (upper case), not a property's.
		 */
		public boolean isEnvironmentVariable() {
			return ENVIRONMENT_NAME.matcher(this.name).matches();
		}

	}

	public static List<Placeholder> find(String text) {
		List<Placeholder> found = new ArrayList<>();
		if (text == null) {
			return found;
		}
		int start = text.indexOf("${");
		while (start >= 0) {
			int end = closingBrace(text, start + 2);
			if (end < 0) {
				break;
			}
			String body = text.substring(start + 2, end);
			int colon = topLevelColon(body);
			if (colon >= 0) {
				String defaultValue = body.substring(colon + 1);
				found.add(new Placeholder(body.substring(0, colon).trim(), true, defaultValue));
				found.addAll(find(defaultValue));
			}
			else {
				found.add(new Placeholder(body.trim(), false, null));
			}
			start = text.indexOf("${", end + 1);
		}
		return found;
	}

	private static int closingBrace(String text, int from) {
		int depth = 0;
		for (int i = from; i < text.length(); i++) {
			if (text.startsWith("${", i)) {
				depth++;
				i++;
			}
			else if (text.charAt(i) == '}') {
				if (depth == 0) {
					return i;
				}
				depth--;
			}
		}
		return -1;
	}

	private static int topLevelColon(String body) {
		int depth = 0;
		for (int i = 0; i < body.length(); i++) {
			if (body.startsWith("${", i)) {
				depth++;
				i++;
			}
			else if (body.charAt(i) == '}') {
				depth--;
			}
			else if (body.charAt(i) == ':' && depth == 0) {
				return i;
			}
		}
		return -1;
	}

}
