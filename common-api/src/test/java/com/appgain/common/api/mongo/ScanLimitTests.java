package com.appgain.common.api.mongo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

class ScanLimitTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void scansPastTheConcurrencyWaitAndRunWhenOneEnds() {
		ScanLimit limit = limit(2, 10, Duration.ofSeconds(5));
		AtomicInteger started = new AtomicInteger();
		List<Sinks.One<String>> searches = List.of(Sinks.one(), Sinks.one(), Sinks.one());
		List<Mono<String>> answers = searches.stream()
			.map((search) -> limit.apply(search.asMono().doOnSubscribe((s) -> started.incrementAndGet())).cache())
			.toList();
		answers.forEach(Mono::subscribe);

		assertThat(started).hasValue(2);
		assertThat(waiting()).isEqualTo(1);

		searches.get(0).tryEmitValue("first");
		assertThat(started).hasValue(3);
		assertThat(waiting()).isZero();
		searches.get(1).tryEmitValue("second");
		searches.get(2).tryEmitValue("third");
		StepVerifier.create(Mono.zip(answers.get(0), answers.get(1), answers.get(2)))
			.assertNext((all) -> assertThat(List.of(all.getT1(), all.getT2(), all.getT3())).containsExactly("first",
					"second", "third"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aScanThatCannotJoinTheFullQueueIsAnswered503AtOnceAndNeverRuns() {
		ScanLimit limit = limit(1, 1, Duration.ofSeconds(5));
		Disposable running = limit.apply(Mono.never()).subscribe();
		Disposable waiting = limit.apply(Mono.never()).subscribe();
		AtomicInteger started = new AtomicInteger();

		StepVerifier.create(limit.apply(Mono.fromSupplier(started::incrementAndGet)))
			.expectErrorSatisfies(ScanLimitTests::assertBusy)
			.verify(Duration.ofSeconds(1));
		assertThat(started).hasValue(0);
		running.dispose();
		waiting.dispose();
	}

	@Test
	void aScanThatWaitsLongerThanMaxWaitIsAnswered503() {
		ScanLimit limit = limit(1, 10, Duration.ofMillis(200));
		Disposable running = limit.apply(Mono.never()).subscribe();

		StepVerifier.create(limit.apply(Mono.just("late")))
			.expectErrorSatisfies(ScanLimitTests::assertBusy)
			.verify(Duration.ofSeconds(5));
		assertThat(waiting()).isZero();
		running.dispose();
	}

	@Test
	void aFailedOrCancelledScanGivesItsTurnBack() {
		ScanLimit limit = limit(1, 10, Duration.ofMillis(500));
		StepVerifier.create(limit.apply(Mono.error(new IllegalStateException("store down"))))
			.expectErrorMessage("store down")
			.verify(Duration.ofSeconds(5));
		limit.apply(Mono.never()).subscribe().dispose();

		StepVerifier.create(limit.apply(Mono.just("next")))
			.expectNext("next")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	private ScanLimit limit(int concurrency, int maxWaiting, Duration maxWait) {
		return new ScanLimit(new ScanLimitProperties(concurrency, maxWaiting, maxWait), this.meters);
	}

	private double waiting() {
		return this.meters.get("appgain.mongo.scans.waiting").gauge().value();
	}

	private static void assertBusy(Throwable error) {
		assertThat(error).isInstanceOf(ApiException.class).hasMessageContaining("Too many searches");
		ApiException busy = (ApiException) error;
		assertThat(busy.type()).isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
		assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1));
	}

}
