package com.appgain.deploycheck;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kubernetes label selectors: a Service's plain map, or {@code matchLabels} and
 * {@code matchExpressions}.
 */
final class Labels {

	private Labels() {
	}

	/** A Service's selector: every pair must be among the labels. */
	static boolean matchesMap(Map<String, Object> selector, Map<String, Object> labels) {
		if (selector.isEmpty()) {
			return false;
		}
		for (Map.Entry<String, Object> entry : selector.entrySet()) {
			if (!Objects.equals(Yamls.string(entry.getValue()), Yamls.string(labels.get(entry.getKey())))) {
				return false;
			}
		}
		return true;
	}

	/** A LabelSelector; an empty one selects everything. */
	static boolean matchesSelector(Map<String, Object> selector, Map<String, Object> labels) {
		for (Map.Entry<String, Object> entry : Yamls.map(selector.get("matchLabels")).entrySet()) {
			if (!Objects.equals(Yamls.string(entry.getValue()), Yamls.string(labels.get(entry.getKey())))) {
				return false;
			}
		}
		for (Map<String, Object> expression : Yamls.maps(selector.get("matchExpressions"))) {
			String key = Yamls.string(expression.get("key"));
			String value = Yamls.string(labels.get(key));
			List<String> values = Yamls.list(expression.get("values")).stream().map(String::valueOf).toList();
			boolean ok = switch (String.valueOf(expression.get("operator"))) {
				case "In" -> value != null && values.contains(value);
				case "NotIn" -> value == null || !values.contains(value);
				case "Exists" -> labels.containsKey(key);
				case "DoesNotExist" -> !labels.containsKey(key);
				default -> false;
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	static boolean isEmpty(Map<String, Object> selector) {
		return Yamls.map(selector.get("matchLabels")).isEmpty()
				&& Yamls.list(selector.get("matchExpressions")).isEmpty();
	}

}
