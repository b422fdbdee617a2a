package com.appgain.common.api.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.appgain.common.api.error.ApiException.FieldError;

/**
 * The {@code maxLength} of a schema, checked before the schema itself: the validator may
 * evaluate {@code pattern} on a string that is already too long, so a megabyte of hostile
 * text would reach the regular expression engine. Follows {@code properties} and
 * {@code items}, the shapes the suite's schemas use.
 */
final class LengthLimits {

	private LengthLimits() {
	}

	/** Every string in {@code instance} longer than its schema allows. */
	static List<FieldError> violations(JsonNode schema, JsonNode instance) {
		List<FieldError> errors = new ArrayList<>();
		collect(schema, instance, "", errors);
		return errors;
	}

	private static void collect(JsonNode schema, JsonNode instance, String path, List<FieldError> errors) {
		if (schema == null || !schema.isObject()) {
			return;
		}
		if (instance.isString()) {
			checkLength(schema.get("maxLength"), instance.asString(), path, errors);
		}
		else if (instance.isObject() && schema.path("properties").isObject()) {
			for (Map.Entry<String, JsonNode> property : instance.properties()) {
				collect(schema.get("properties").get(property.getKey()), property.getValue(),
						path + "/" + property.getKey(), errors);
			}
		}
		else if (instance.isArray()) {
			for (int i = 0; i < instance.size(); i++) {
				collect(schema.get("items"), instance.get(i), path + "/" + i, errors);
			}
		}
	}

	private static void checkLength(JsonNode maxLength, String value, String path, List<FieldError> errors) {
		// code points, as JSON Schema counts; a string no longer in chars cannot be
		// longer
		if (maxLength != null && maxLength.canConvertToInt() && value.length() > maxLength.asInt()
				&& value.codePointCount(0, value.length()) > maxLength.asInt()) {
			errors.add(new FieldError(path.isEmpty() ? "$" : path,
					"must be at most " + maxLength.asInt() + " characters long"));
		}
	}

}
