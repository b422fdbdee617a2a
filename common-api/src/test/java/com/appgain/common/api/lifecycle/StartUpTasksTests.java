package com.appgain.common.api.lifecycle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class StartUpTasksTests {

	@Test
	void aFailingTaskIsTriedAgainUntilItSucceeds() {
		AtomicInteger tries = new AtomicInteger();
		StepVerifier.withVirtualTime(() -> StartUpTasks.untilDone("answer", Mono.fromCallable(() -> {
			if (tries.incrementAndGet() < 4) {
				throw new IllegalStateException("MongoDB is not up yet");
			}
			return "done";
		}), LoggerFactory.getLogger(StartUpTasksTests.class)))
			.thenAwait(Duration.ofMinutes(1))
			.expectNext("done")
			.verifyComplete();
		assertThat(tries).hasValue(4);
	}

	@Test
	void whatFollowsRunsOnceTheTaskSucceeded() {
		AtomicInteger done = new AtomicInteger();
		new StartUpTasks().run("answer", Mono.just("done"), LoggerFactory.getLogger(StartUpTasksTests.class),
				done::incrementAndGet);
		assertThat(done).hasValue(1);
	}

	@Test
	void stoppedTasksAreNotTriedAgainAndNoneStartsAfter() throws InterruptedException {
		StartUpTasks tasks = new StartUpTasks();
		tasks.start();
		AtomicInteger tries = new AtomicInteger();
		Mono<Void> failing = Mono.fromRunnable(tries::incrementAndGet).then(Mono.error(new IllegalStateException()));
		tasks.run("fail", failing, LoggerFactory.getLogger(StartUpTasksTests.class));
		tasks.stop();
		assertThat(tasks.isRunning()).isFalse();
		tasks.run("fail", failing, LoggerFactory.getLogger(StartUpTasksTests.class));
		// a first try again would come 0.5-1.5 s after the first
		Thread.sleep(2000);
		assertThat(tries).hasValue(1);
	}

	@Test
	void triesBackOffFromOneSecond() {
		AtomicInteger tries = new AtomicInteger();
		StepVerifier
			.withVirtualTime(() -> StartUpTasks.untilDone("fail",
					Mono.fromRunnable(tries::incrementAndGet).then(Mono.error(new IllegalStateException("down"))),
					LoggerFactory.getLogger(StartUpTasksTests.class)))
			.expectSubscription()
			.then(() -> assertThat(tries).hasValue(1))
			.thenAwait(Duration.ofMillis(900))
			.then(() -> assertThat(tries).hasValue(1))
			.thenAwait(Duration.ofMinutes(5))
			.then(() -> assertThat(tries.get()).isBetween(8, 20))
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

}
