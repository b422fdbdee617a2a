package com.appgain.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A token bucket per route and caller, shared by every gateway through Redis (Bucket4j's
 * compare-and-swap buckets over Lettuce).
 * <p>
 * A gateway takes tokens from its own copy of a bucket and writes what it took to Redis
 * after {@code sync-interval} or a tenth of the burst, whichever comes first (Bucket4j's
 * "delaying" optimization), so a request makes no Redis round trip of its own. A refusal
 * is always checked against Redis. The price: over one interval, a caller spread over N
 * gateways may get up to N tenths of the burst beyond the limit.
 * <p>
 * The copies are kept for the callers seen lately, at most {@value #MAX_LOCAL_BUCKETS}: a
 * copy dropped with tokens not yet written gives its caller those tokens back.
 */
class SharedBuckets {

	static final int MAX_LOCAL_BUCKETS = 10_000;

	private static final String KEY_PREFIX = "ratelimit:";

	private final LettuceConnectionFactory factory;

	private final BucketConfiguration configuration;

	private final Optimization optimization;

	private final Duration expiry;

	private final Cache<String, AsyncBucketProxy> local;

	private volatile Connected connected;

	SharedBuckets(LettuceConnectionFactory factory, ApiGatewayProperties.RateLimit limit) {
		this.factory = factory;
		this.configuration = BucketConfiguration.builder()
			.addLimit(BandwidthBuilder.builder()
				.capacity(limit.burstCapacity())
				.refillGreedy(limit.replenishRate(), Duration.ofSeconds(1))
				.build())
			.build();
		this.optimization = Optimizations
			.delaying(new DelayParameters(Math.max(1, limit.burstCapacity() / 10), limit.syncInterval()));
		// a bucket left alone this long is full again; Redis may forget it
		this.expiry = Duration
			.ofSeconds(Math.max(1, (limit.burstCapacity() + limit.replenishRate() - 1) / limit.replenishRate()));
		this.local = Caffeine.newBuilder()
			.maximumSize(MAX_LOCAL_BUCKETS)
			.expireAfterAccess(this.expiry.plus(limit.syncInterval()))
			// maintenance on the caller's thread: no hop to the common pool per request
			.executor(Runnable::run)
			.build();
	}

	/**
	 * Takes tokens from the caller's bucket of the route. Call only once Redis was
	 * connected ({@code RedisAvailability#isConnected()}): the first call takes the
	 * shared connection, which Spring Data opens synchronously otherwise.
	 */
	CompletableFuture<ConsumptionProbe> tryConsume(String route, String caller, long tokens) {
		Connected redis = connected();
		return this.local.get(route + ':' + caller, redis::bucket).tryConsumeAndReturnRemaining(tokens);
	}

	/** Whether the connection the buckets are written on is up. */
	boolean isOpen() {
		Connected redis = this.connected;
		return redis == null || redis.commands.isOpen();
	}

	// two requests may both open the way at first; either result works
	private Connected connected() {
		Connected redis = this.connected;
		if (redis == null) {
			RedisConnection connection = this.factory.getConnection();
			redis = new Connected((RedisClusterAsyncCommands<?, ?>) connection.getNativeConnection());
			this.connected = redis;
		}
		return redis;
	}

	private final class Connected {

		private final RedisClusterAsyncCommands<?, ?> commands;

		private final AsyncProxyManager<byte[]> buckets;

		@SuppressWarnings("unchecked")
		Connected(RedisClusterAsyncCommands<?, ?> commands) {
			this.commands = commands;
			Bucket4jLettuce.LettuceBasedProxyManagerBuilder<byte[]> builder = (commands instanceof RedisAdvancedClusterAsyncCommands<?, ?> cluster)
					? Bucket4jLettuce.casBasedBuilder((RedisAdvancedClusterAsyncCommands<byte[], byte[]>) cluster)
					: Bucket4jLettuce.casBasedBuilder((RedisAsyncCommands<byte[], byte[]>) commands);
			this.buckets = builder
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(SharedBuckets.this.expiry))
				.build()
				.asAsync();
		}

		AsyncBucketProxy bucket(String key) {
			return this.buckets.builder()
				.withOptimization(SharedBuckets.this.optimization)
				.build((KEY_PREFIX + key).getBytes(StandardCharsets.UTF_8), SharedBuckets.this.configuration);
		}

	}

}
