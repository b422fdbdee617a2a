package com.appgain.common.api.redis;

import java.util.concurrent.Executor;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.internal.ThreadExecutorMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Hands a Redis answer back to the event loop of the request that asked for it.
 * <p>
 * Lettuce completes every command of a connection on that connection's one event-loop
 * thread, and whatever a request does after its Redis call would run there: rendering,
 * the upstream call, writing the response. All requests' work after Redis would share one
 * thread, and each response would be written from a thread other than its channel's (a
 * hand-off anyway). Back on the caller's loop, that work is spread over every loop and
 * the response is written in place. A call made off any event loop (a scheduler, a test)
 * is answered where Lettuce answers it.
 */
final class CallersEventLoop {

	// an event-loop thread serves one loop for its whole life
	private static final FastThreadLocal<Scheduler> schedulers = new FastThreadLocal<>();

	private CallersEventLoop() {
	}

	static <T> Mono<T> of(Mono<T> call) {
		Scheduler caller = callers();
		return (caller != null) ? call.publishOn(caller) : call;
	}

	static <T> Flux<T> of(Flux<T> call) {
		Scheduler caller = callers();
		return (caller != null) ? call.publishOn(caller) : call;
	}

	private static Scheduler callers() {
		EventExecutor loop = ThreadExecutorMap.currentExecutor();
		if (loop == null) {
			return null;
		}
		Scheduler scheduler = schedulers.get();
		if (scheduler == null) {
			scheduler = scheduler(loop);
			schedulers.set(scheduler);
		}
		return scheduler;
	}

	// an answer already on that loop (an error raised before anything was sent) goes on
	// at once
	private static Scheduler scheduler(EventExecutor loop) {
		Executor inPlaceOrHandedOver = (task) -> {
			if (loop.inEventLoop()) {
				task.run();
			}
			else {
				loop.execute(task);
			}
		};
		return Schedulers.fromExecutor(inPlaceOrHandedOver);
	}

}
