package com.appgain.common.api.mongo;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

/**
 * Runs at most {@code concurrency} scans of this instance in MongoDB at once; the others
 * wait here, in order, and one that cannot wait (too many waiting, or waited too long) is
 * answered 503 with Retry-After. A text search is a scan (a find and a count with an
 * unanchored pattern, which no index serves), so without the limit a burst of them queues
 * inside MongoDB instead, where each one's wait counts against the driver's read timeout
 * and every other query waits behind them.
 */
public final class ScanLimit {

	private static final Object PERMIT = new Object();

	private final InstrumentedPool<Object> permits;

	private final Duration maxWait;

	public ScanLimit(ScanLimitProperties settings, MeterRegistry meters) {
		this.permits = PoolBuilder.from(Mono.just(PERMIT))
			.sizeBetween(0, settings.concurrency())
			.maxPendingAcquire(settings.maxWaiting())
			.buildPool();
		this.maxWait = settings.maxWait();
		Gauge
			.builder("appgain.mongo.scans.waiting", this.permits.metrics(),
					InstrumentedPool.PoolMetrics::pendingAcquireSize)
			.description("Scans (text searches) waiting for their turn in MongoDB")
			.register(meters);
	}

	/** {@code scan}, subscribed when its turn comes; its turn ends when it ends. */
	public <T> Mono<T> apply(Mono<T> scan) {
		Mono<PooledRef<Object>> turn = this.permits.acquire(this.maxWait)
			.onErrorMap(
					(ex) -> ex instanceof PoolAcquireTimeoutException || ex instanceof PoolAcquirePendingLimitException,
					(ex) -> busy());
		return Mono.usingWhen(turn, (permit) -> scan, PooledRef::release);
	}

	private static ApiException busy() {
		return new ApiException(ErrorType.SERVICE_UNAVAILABLE, "Too many searches at once; retry shortly", List.of(),
				Duration.ofSeconds(1), null);
	}

}
