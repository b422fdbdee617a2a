package com.appgain.common.api.lifecycle;

import java.time.Duration;

import org.slf4j.Logger;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;

/**
 * Work a service starts in the background once it is up (creating indexes, the first
 * administrator) and that must eventually succeed. MongoDB may come up after the service,
 * or answer its first queries slowly, so one failed try is never the end: the task is
 * tried again after 1 s, doubling up to 1 min between tries, each failure logged as a
 * warning. Tries still going when the service stops are cancelled then, first thing, so
 * none runs into clients being closed.
 */
public final class StartUpTasks implements SmartLifecycle {

	private static final Retry BACK_OFF = Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
		.maxBackoff(Duration.ofMinutes(1));

	private final Disposable.Composite running = Disposables.composite();

	/**
	 * Starts {@code task} in the background, until it succeeds or the service stops.
	 * @param what what the task does, for the log ("create the indexes of users")
	 * @param task the task, subscribed to again on each try
	 * @param logger where failures are logged
	 */
	public void run(String what, Mono<?> task, Logger logger) {
		run(what, task, logger, () -> {
		});
	}

	/**
	 * Starts {@code task} in the background, until it succeeds or the service stops, then
	 * runs {@code whenDone} if it succeeded.
	 * @param what what the task does, for the log ("create the indexes of users")
	 * @param task the task, subscribed to again on each try
	 * @param logger where failures are logged
	 * @param whenDone run once the task succeeded
	 */
	public void run(String what, Mono<?> task, Logger logger, Runnable whenDone) {
		Disposable.Swap tries = Disposables.swap();
		if (this.running.add(tries)) {
			tries.update(untilDone(what, task, logger).doFinally((signal) -> this.running.remove(tries))
				.subscribe(null, (ex) -> logger.error("Gave up trying to " + what, ex), whenDone));
		}
	}

	/**
	 * {@code task}, tried again with a back-off until it succeeds.
	 * @param <T> what the task produces
	 * @param what what the task does, for the log
	 * @param task the task, subscribed to again on each try
	 * @param logger where failures are logged
	 * @return the retried task
	 */
	public static <T> Mono<T> untilDone(String what, Mono<T> task, Logger logger) {
		return task.doOnError((ex) -> logger.warn("Could not {} yet, trying again: {}", what, ex.toString()))
			.retryWhen(BACK_OFF);
	}

	/** Nothing to start: tasks start when a service asks ({@link #run}). */
	@Override
	public void start() {
	}

	/** Cancels every task still trying; no task starts after this. */
	@Override
	public void stop() {
		this.running.dispose();
	}

	/** Until stopped, so that the context stops it. */
	@Override
	public boolean isRunning() {
		return !this.running.isDisposed();
	}

}
