package com.appgain.common.api.redis;

import java.net.InetSocketAddress;
import java.util.function.BiConsumer;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.CommandWrapper;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.tracing.MicrometerTracing;
import io.lettuce.core.tracing.Tracer;
import io.lettuce.core.tracing.Tracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RedisCommandObservationsTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DefaultMeterObservationHandler handler = new DefaultMeterObservationHandler(this.meters,
			DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER);

	@Test
	void lettuceAloneStopsTheObservationOfACommandCancelledBeforeItStartedAndTheMeterHandlerThrows() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(this.handler);
		Tracer.Span span = nextSpan(new MicrometerTracing(registry, "Redis"));
		assertThatIllegalArgumentException().isThrownBy(() -> span.start(cancelledOnceHooked()))
			.withMessageContaining("Timer$Sample");
	}

	@Test
	void aCommandCancelledBeforeItsObservationStartedIsNoError() {
		Tracer.Span span = nextSpan(RedisCommandObservations.tracing(this.handler));
		assertThatNoException().isThrownBy(() -> span.start(cancelledOnceHooked()));
	}

	@Test
	void aCompletedCommandIsTimedOnce() {
		Tracer.Span span = nextSpan(RedisCommandObservations.tracing(this.handler));
		RedisCommand<String, String, String> command = new CommandWrapper<>(get());
		span.start(command);
		command.complete();
		assertThat(this.meters.get("lettuce").tag("db.operation", "GET").timer().count()).isOne();
	}

	// as Lettuce's command handler does before it starts a span
	private static Tracer.Span nextSpan(Tracing tracing) {
		return tracing.getTracerProvider()
			.getTracer()
			.nextSpan()
			.remoteEndpoint(tracing.createEndpoint(new InetSocketAddress("127.0.0.1", 6379)));
	}

	private static Command<String, String, String> get() {
		CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).addKey("key");
		return new Command<>(CommandType.GET, new ValueOutput<>(StringCodec.UTF8), args);
	}

	// A reactive call's command (wrapped, as RedisPublisher's), cancelled the moment
	// Lettuce has hooked onto its completion, before it starts the observation: where a
	// client hanging up, on another thread, can land.
	private static RedisCommand<String, String, String> cancelledOnceHooked() {
		return new CommandWrapper<>(get()) {

			@Override
			public void onComplete(BiConsumer<? super String, Throwable> action) {
				super.onComplete(action);
				cancel();
			}

		};
	}

}
