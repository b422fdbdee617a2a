package com.appgain.common.api.redis;

import io.lettuce.core.tracing.MicrometerTracing;
import io.lettuce.core.tracing.Tracing;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * Lettuce's command observations (the {@code lettuce} timers), as Spring Boot sets them
 * up, on a registry of their own whose only handler is the application's meter handler,
 * told nothing about an observation that was stopped before it started. Lettuce hooks the
 * stop onto the command's completion before it starts the observation, so a command
 * cancelled in between (its request's client hung up) stopped it first; the meter handler
 * then threw into the cancelling thread, which Reactor Netty logged as an uncaught error
 * (bench 2026-12-05T2224Z) while the rest of the request's cancellation was skipped.
 * Lettuce's current source does the same. On their own registry, the application
 * registry's observation predicates, filters and tracing handlers do not apply to them;
 * the suite sets none.
 */
final class RedisCommandObservations {

	private RedisCommandObservations() {
	}

	static Tracing tracing(ObservationHandler<Observation.Context> meters) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new StartedOnly(meters));
		return new MicrometerTracing(registry, "Redis");
	}

	/** Passes on an observation's stop only if it started. */
	static final class StartedOnly implements ObservationHandler<Observation.Context> {

		private final ObservationHandler<Observation.Context> delegate;

		StartedOnly(ObservationHandler<Observation.Context> delegate) {
			this.delegate = delegate;
		}

		@Override
		public void onStart(Observation.Context context) {
			context.put(StartedOnly.class, this);
			this.delegate.onStart(context);
		}

		@Override
		public void onError(Observation.Context context) {
			this.delegate.onError(context);
		}

		@Override
		public void onEvent(Observation.Event event, Observation.Context context) {
			this.delegate.onEvent(event, context);
		}

		@Override
		public void onScopeOpened(Observation.Context context) {
			this.delegate.onScopeOpened(context);
		}

		@Override
		public void onScopeClosed(Observation.Context context) {
			this.delegate.onScopeClosed(context);
		}

		@Override
		public void onScopeReset(Observation.Context context) {
			this.delegate.onScopeReset(context);
		}

		@Override
		public void onStop(Observation.Context context) {
			if (context.containsKey(StartedOnly.class)) {
				this.delegate.onStop(context);
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return this.delegate.supportsContext(context);
		}

	}

}
