package com.appgain.common.api.validation;

import org.bson.types.ObjectId;

import com.appgain.common.api.error.ApiException;

/**
 * Parses path ids: a malformed id is the client's 400, never a 500 or a query operator.
 */
public final class ObjectIds {

	private ObjectIds() {
	}

	/**
	 * {@code parse(id, "example_id")} returns the id or fails with "Invalid example_id".
	 */
	public static ObjectId parse(String value, String name) {
		if (value == null || !ObjectId.isValid(value)) {
			throw ApiException.badRequest("Invalid " + name + ": expected a 24-character hex id");
		}
		return new ObjectId(value);
	}

}
