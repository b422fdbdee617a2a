package com.appgain.common.api.store;

import com.mongodb.MongoException;

import org.springframework.dao.DuplicateKeyException;

/** Recognises MongoDB failures that services expect and handle. */
public final class MongoErrors {

	private static final int DUPLICATE_KEY = 11000;

	private MongoErrors() {
	}

	/**
	 * A write hit a unique index (E11000): someone else got there first. Recognised
	 * whether Spring translated the driver's exception or not, and anywhere in the
	 * causes.
	 */
	public static boolean isDuplicateKey(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof DuplicateKeyException
					|| (current instanceof MongoException mongo && mongo.getCode() == DUPLICATE_KEY)) {
				return true;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return false;
	}

}
