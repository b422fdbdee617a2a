package com.appgain.common.test;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets tests drive the fixtures from any thread. Starting a server (process spawn, socket
 * bind, container start) and the Redis stop/start used to simulate an outage block by
 * nature; a test may trigger them from a reactive callback, for example
 * {@code StepVerifier...then(RedisFixture::stop)} runs on the thread that emitted. They
 * are test control, never part of the code under test, so BlockHound should not fail the
 * test for them. Also allows the short in-memory locks of the MongoDB and Redis clients
 * and of Caffeine.
 */
public class FixturesBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside(MongoFixture.class.getName(), "server");
		builder.allowBlockingCallsInside(RedisFixture.class.getName(), "server");
		builder.allowBlockingCallsInside(RedisFixture.class.getName(), "stop");
		builder.allowBlockingCallsInside(RedisFixture.class.getName(), "start");
		// The reactive MongoDB driver guards its pool's queues with short in-memory locks
		// taken on event-loop threads; under contention they park for microseconds. Not
		// I/O, but BlockHound reports it and the driver swallows the error, hanging the
		// request.
		builder.allowBlockingCallsInside("com.mongodb.internal.Locks", "checkedWithLock");
		// Likewise its cluster clock, advanced under an interruptible lock as
		// each reply is read: two replies read at once on two event loops (a
		// search's page and its count) queue on it (ExampleListTests).
		builder.allowBlockingCallsInside("com.mongodb.internal.Locks", "checkedWithInterruptibleLock");
		// Lettuce's write path takes a shared in-memory lock the same way; a BlockHound
		// error there leaves the shared connection stuck and requests hanging.
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "lockWritersExclusive");
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive");
		// Spring Data Redis takes its factory's lock for the shared connection on every
		// template call, on the caller's event loop. A BlockHound error thrown while a
		// thread queues for that lock leaves a waiter that never wakes, and the next one
		// parks forever behind it: the likely cause of a test run that hung in
		// ExampleServiceIntegrationTest, waiting on that lock with no owner.
		builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
				"doInLock");
		// Caffeine (Spring Cloud LoadBalancer's instance cache) spins briefly on a
		// contended entry lock when two event loops refresh the same service's
		// instances.
		builder.allowBlockingCallsInside("com.github.benmanes.caffeine.cache.BoundedLocalCache", "put");
		// Jackson builds a type's deserializer once, under its cache's in-memory lock;
		// parallel first requests with one body type queue on it for microseconds
		// (ParallelLoginTests, run alone).
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
				"_createAndCacheValueDeserializer");
		// Spring Data Redis reads a script's SHA-1 under a lock on every call, and
		// Resilience4j records each call in its breaker's window under one; parallel
		// calls queue on them for microseconds.
		builder.allowBlockingCallsInside("org.springframework.data.redis.core.script.DefaultRedisScript", "getSha1");
		builder.allowBlockingCallsInside("io.github.resilience4j.core.metrics.FixedSizeSlidingWindowMetrics", "record");
		// After a network error the MongoDB driver replaces the session id with a random
		// UUID (a read of /dev/urandom, which never waits) on the event loop.
		builder.allowBlockingCallsInside("com.mongodb.internal.session.ServerSessionPool",
				"createNewServerSessionIdentifier");
	}

}
