package com.appgain.system;

import java.util.Collection;
import java.util.Map;

/**
 * Writes the campaign's bodies: maps, lists, strings, numbers, booleans and null as JSON,
 * and {@link Raw} text as is, so that a body can hold what no JSON library would write.
 */
final class Json {

	private Json() {
	}

	/** JSON text, or not quite JSON, written into the body without change. */
	record Raw(String json) {
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Raw raw) {
			out.append(raw.json());
		}
		else if (value instanceof String text) {
			string(text, out);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			String separator = "";
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(separator);
				string(String.valueOf(entry.getKey()), out);
				out.append(": ");
				write(entry.getValue(), out);
				separator = ", ";
			}
			out.append('}');
		}
		else if (value instanceof Collection<?> list) {
			out.append('[');
			String separator = "";
			for (Object item : list) {
				out.append(separator);
				write(item, out);
				separator = ", ";
			}
			out.append(']');
		}
		else {
			out.append(value);
		}
	}

	private static void string(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
