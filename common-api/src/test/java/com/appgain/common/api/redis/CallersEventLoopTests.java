package com.appgain.common.api.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

class CallersEventLoopTests {

	private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(1);

	@AfterEach
	void stop() {
		this.loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
	}

	@Test
	void anAnswerFromAnotherThreadComesBackOnTheCallersEventLoop() throws Exception {
		EventLoop loop = this.loops.next();
		String loopThread = loop.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
		CompletableFuture<String> answeredOn = new CompletableFuture<>();
		CompletableFuture<String> manyAnsweredOn = new CompletableFuture<>();
		loop.execute(() -> {
			CallersEventLoop.of(answerElsewhere())
				.subscribe((value) -> answeredOn.complete(Thread.currentThread().getName()));
			CallersEventLoop.of(Flux.from(answerElsewhere()))
				.subscribe((value) -> manyAnsweredOn.complete(Thread.currentThread().getName()));
		});

		assertThat(answeredOn.get(5, TimeUnit.SECONDS)).isEqualTo(loopThread);
		assertThat(manyAnsweredOn.get(5, TimeUnit.SECONDS)).isEqualTo(loopThread);
	}

	@Test
	void anErrorRaisedOnTheCallersLoopGoesOnAtOnce() throws Exception {
		EventLoop loop = this.loops.next();
		CompletableFuture<Boolean> inPlace = new CompletableFuture<>();
		loop.execute(() -> {
			Thread caller = Thread.currentThread();
			CallersEventLoop.of(Mono.error(new IllegalStateException("refused")))
				.subscribe(null, (ex) -> inPlace.complete(Thread.currentThread() == caller));
			// still inside the caller's task: the error did not wait for a later one
			inPlace.complete(false);
		});

		assertThat(inPlace.get(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aCallMadeOffAnyEventLoopIsAnsweredWhereItIsAnswered() {
		String answeredOn = CallersEventLoop.of(answerElsewhere())
			.map((value) -> Thread.currentThread().getName())
			.block(Duration.ofSeconds(5));

		assertThat(answeredOn).startsWith("parallel");
	}

	private static Mono<String> answerElsewhere() {
		return Mono.just("answer").delayElement(Duration.ofMillis(10), Schedulers.parallel());
	}

}
