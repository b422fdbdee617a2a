package com.appgain.common.api.mongo;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

/**
 * Runs at most {@code concurrency} scans of this instance in MongoDB at once; the others
 * wait here, in order. A scan that cannot wait (too many waiting) or does not finish
 * within {@code timeout} of its arrival, its wait included, is answered 503 with
 * Retry-After. A text search is a scan (a find and a count with an unanchored pattern,
 * which no index serves), so without the limit a burst of them queues inside MongoDB
 * instead, where each one's wait counts against the driver's read timeout and every other
 * query waits behind them. The timeout covers the wait too, so a MongoDB that stalls,
 * holding every turn for a read timeout, still gets a search its 503 in time.
 */
public final class ScanLimit {

	private static final Object PERMIT = new Object();

	private final InstrumentedPool<Object> permits;

	private final Duration timeout;

	public ScanLimit(ScanLimitProperties settings, MeterRegistry meters) {
		this.permits = PoolBuilder.from(Mono.just(PERMIT))
			.sizeBetween(0, settings.concurrency())
			.maxPendingAcquire(settings.maxWaiting())
			.buildPool();
		this.timeout = settings.timeout();
		Gauge
			.builder("appgain.mongo.scans.waiting", this.permits.metrics(),
					InstrumentedPool.PoolMetrics::pendingAcquireSize)
			.description("Scans (text searches) waiting for their turn in MongoDB")
			.register(meters);
	}

	/**
	 * {@code scan}, subscribed when its turn comes; its turn ends when it ends, or when
	 * the timeout, counted from the subscription to the returned {@code Mono} (the
	 * request's arrival), cancels it or its wait.
	 */
	public <T> Mono<T> apply(Mono<T> scan) {
		Mono<PooledRef<Object>> turn = this.permits.acquire()
			.onErrorMap(PoolAcquirePendingLimitException.class, (ex) -> unavailable("Too many searches at once"));
		return Mono.usingWhen(turn, (permit) -> scan, PooledRef::release)
			.timeout(this.timeout, Mono.error(() -> unavailable("The search did not finish in time")));
	}

	/**
	 * A list query: through {@link #apply} when it searches text, which makes it a scan;
	 * as it is otherwise (an index serves it).
	 * @param search the list's search text, {@code null} or empty when there is none
	 */
	public <T> Mono<T> applyWhenSearching(String search, Mono<T> query) {
		return (search == null || search.isEmpty()) ? query : apply(query);
	}

	private static ApiException unavailable(String reason) {
		return new ApiException(ErrorType.SERVICE_UNAVAILABLE, reason + "; retry shortly", List.of(),
				Duration.ofSeconds(1), null);
	}

}
