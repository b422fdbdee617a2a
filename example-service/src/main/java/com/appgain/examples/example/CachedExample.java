package com.appgain.examples.example;

/**
 * What the cache holds for one id: the example and its version, or a tombstone left by a
 * delete so that a read racing the delete cannot put the example back.
 *
 * @param example the example, {@code null} in a tombstone
 * @param version its optimistic-locking version (the {@code ETag})
 */
record CachedExample(ExampleJson example, long version) {

	static CachedExample of(Example example) {
		return new CachedExample(example.forJson(), example.version());
	}

	static CachedExample tombstone() {
		return new CachedExample(null, -1);
	}

	boolean deleted() {
		return this.example == null;
	}

}
